/**
 * Page numbers: 「— n —」 in 4号 宋体, odd pages right and even pages left (or centred), on every section.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentBlock } from './blocks';
import { buildGbtDocument } from './build';
import { child, find, findAll, readDocx, runFormat, textOf, type XmlElement } from './testkit';

const blocks: DocumentBlock[] = [
  { kind: 'paragraph', text: '正文' },
  { kind: 'section', orientation: 'landscape', blocks: [{ kind: 'paragraph', text: '表' }] },
];

async function build(pageNumberStyle: 'outer' | 'center') {
  return readDocx(await buildGbtDocument({ blocks, settings: { pageNumberStyle }, meta: { title: '页码' } }));
}

/** The footer's runs as the sequence Word evaluates: text pieces and field parts. */
function fieldSequence(footer: XmlElement): string[] {
  return findAll(footer, 'w:r').map((run) => {
    const fldChar = child(run, 'w:fldChar');
    if (fldChar) return `{${fldChar.attrs['w:fldCharType']}}`;
    const instr = child(run, 'w:instrText');
    if (instr) return `{instr:${textOf({ ...instr, name: 'w:t' } as XmlElement).trim() || instr.children.join('').trim()}}`;
    return textOf(run);
  });
}

describe('outer page numbers (default)', () => {
  it('turns on different odd and even footers in the settings', async () => {
    const { settings } = await build('outer');
    const flag = find(settings, 'w:evenAndOddHeaders');
    expect(flag).toBeDefined();
    expect(['true', '1', 'on', undefined]).toContain(flag!.attrs['w:val']);
  });

  it('puts 「— PAGE —」 right on odd pages and left on even pages, one character in, in every section', async () => {
    const docx = await build('outer');
    expect(docx.sections).toHaveLength(2);
    for (const section of docx.sections) {
      const odd = (await docx.footer(section, 'default'))!;
      const even = (await docx.footer(section, 'even'))!;
      expect(odd).toBeDefined();
      expect(even).toBeDefined();
      const oddParagraph = find(odd, 'w:p')!;
      const evenParagraph = find(even, 'w:p')!;
      expect(find(oddParagraph, 'w:jc')!.attrs['w:val']).toBe('right');
      expect(find(oddParagraph, 'w:ind')!.attrs['w:right']).toBe('280');
      expect(find(evenParagraph, 'w:jc')!.attrs['w:val']).toBe('left');
      expect(find(evenParagraph, 'w:ind')!.attrs['w:left']).toBe('280');
      for (const footer of [odd, even]) {
        expect(fieldSequence(footer)).toEqual(['— ', '{begin}', '{instr:PAGE}', '{separate}', '{end}', ' —']);
      }
    }
  });

  it('sets the page number in 4号 宋体 on every footer run', async () => {
    const docx = await build('outer');
    for (const type of ['default', 'even'] as const) {
      const runs = findAll((await docx.footer(docx.sections[0], type))!, 'w:r').map(runFormat);
      expect(runs.length).toBe(6);
      for (const run of runs) expect(run).toMatchObject({ eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体', size: 28 });
    }
  });
});

describe('centred page numbers', () => {
  it('use one centred footer and no odd/even distinction', async () => {
    const docx = await build('center');
    // docx writes the flag either way; off is w:val="false".
    expect(find(docx.settings, 'w:evenAndOddHeaders')?.attrs['w:val'] ?? 'false').toBe('false');
    for (const section of docx.sections) {
      expect(await docx.footer(section, 'even')).toBeUndefined();
      const footer = (await docx.footer(section, 'default'))!;
      expect(find(footer, 'w:jc')!.attrs['w:val']).toBe('center');
      expect(fieldSequence(footer)).toEqual(['— ', '{begin}', '{instr:PAGE}', '{separate}', '{end}', ' —']);
    }
  });
});
