/**
 * Whatever the user typed or pasted, the file must stay valid XML that Word and WPS open.
 */
import { describe, expect, it } from 'vitest';
import { buildGbtDocument } from './build';
import { bodyParagraphs, findAll, parseXml, readDocx, textOf } from './testkit';

// Every C0 control but tab/LF/CR: these make Word reject the file as corrupt.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const dirty = '学习\u0000不够\u0001深入\u0007，\u001B落实<不>力&“六稳”\uFFFF';

describe('text safety', () => {
  it('strips control characters from every place text can go, leaving well-formed XML', async () => {
    const bytes = await buildGbtDocument({
      blocks: [
        { kind: 'title', text: dirty },
        { kind: 'author', text: dirty },
        { kind: 'heading1', text: dirty },
        { kind: 'heading2', heading: dirty, body: dirty },
        { kind: 'paragraph', runs: [{ text: dirty }] },
        { kind: 'plain', text: dirty },
        { kind: 'table', columns: [{ title: dirty }], rows: [[dirty]] },
      ],
      meta: { title: dirty, creator: dirty, subject: dirty },
    });
    const docx = await readDocx(bytes);
    for (const name of Object.keys(docx.zip.files)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const xml = await docx.zip.file(name)!.async('string');
      expect(CONTROL_CHARS.test(xml), name).toBe(false);
      expect(() => parseXml(xml), name).not.toThrow();
    }
    const clean = '学习不够深入，落实<不>力&“六稳”';
    // The title is one character too long for a line: it gets an explicit break between words.
    expect(textOf(bodyParagraphs(docx.document)[0])).toBe('学习不够深入，\n落实<不>力&“六稳”');
    expect(findAll(docx.document, 'w:tc').map(textOf)).toEqual([clean, clean]);
    const core = await docx.zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>学习不够深入，落实&lt;不&gt;力&amp;“六稳”</dc:title>');
  });

  it('turns newlines into line breaks inside one paragraph and tabs into tab elements', async () => {
    const { document } = await readDocx(
      await buildGbtDocument({ blocks: [{ kind: 'paragraph', text: '第一行\r\n第二行\n\n第四行\t尾' }], meta: { title: 't' } }),
    );
    const paragraphs = bodyParagraphs(document);
    expect(paragraphs).toHaveLength(1);
    expect(textOf(paragraphs[0])).toBe('第一行\n第二行\n\n第四行\t尾');
    expect(findAll(paragraphs[0], 'w:br')).toHaveLength(3);
    expect(findAll(paragraphs[0], 'w:tab')).toHaveLength(1);
    expect(findAll(paragraphs[0], 'w:t').some((t) => t.children.join('').includes('\t'))).toBe(false);
  });

  it('does not leak a user or machine name into the file properties by default', async () => {
    const docx = await readDocx(await buildGbtDocument({ blocks: [], meta: { title: '材料' } }));
    const core = await docx.zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator>镜鉴</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>镜鉴</cp:lastModifiedBy>');
  });
});

describe('the test XML parser', () => {
  it('rejects what Word would reject, so the checks above mean something', () => {
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/invalid XML character/);
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>&bogus;</a>')).toThrow(/unknown entity/);
    expect(parseXml('<?xml version="1.0"?><a x="1"><b/>t&amp;</a>')).toEqual({
      name: 'a',
      attrs: { x: '1' },
      children: [{ name: 'b', attrs: {}, children: [] }, 't&'],
    });
  });
});
