import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../common/materials/outline';
import { outline } from '../../common/materials/testing';
import { readDocx } from './docx';
import { formatNumber } from './docx/numberFormat';
import { ReaderError } from './errors';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface P {
  num?: [numId: number, ilvl: number];
  style?: string;
  outline?: number;
}

/** A paragraph with one run; `text` may already be run XML when it starts with '<'. */
function p(text: string, props: P = {}): string {
  const ppr = [
    props.style ? `<w:pStyle w:val="${props.style}"/>` : '',
    props.num ? `<w:numPr><w:ilvl w:val="${props.num[1]}"/><w:numId w:val="${props.num[0]}"/></w:numPr>` : '',
    props.outline !== undefined ? `<w:outlineLvl w:val="${props.outline}"/>` : '',
  ].join('');
  const runs = text.startsWith('<') ? text : `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${runs}</w:p>`;
}

function documentXml(body: string, prefix = 'w'): string {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  if (prefix === 'w') return xml;
  return xml
    .replace(/<(\/?)w:/g, `<$1${prefix}:`)
    .replace(/ w:/g, ` ${prefix}:`)
    .replace('xmlns:w=', `xmlns:${prefix}=`);
}

interface Level {
  fmt: string;
  text: string;
  start?: number;
  restart?: number;
}

function abstractNum(id: number, levels: Level[]): string {
  const lvls = levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/>${
          l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''
        }<w:lvlText w:val="${l.text}"/><w:lvlJc w:val="left"/></w:lvl>`,
    )
    .join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${lvls}</w:abstractNum>`;
}

function numberingXml(abstracts: string, nums: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${abstracts}${nums}</w:numbering>`;
}

function num(numId: number, abstractId: number, startOverride?: number): string {
  const override = startOverride !== undefined ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${startOverride}"/></w:lvlOverride>` : '';
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${override}</w:num>`;
}

/** The Chinese official outline as Word auto-numbering: 一、 / （一） / 1. / （1）. */
const OUTLINE_LEVELS: Level[] = [
  { fmt: 'chineseCounting', text: '%1、' },
  { fmt: 'chineseCounting', text: '（%2）' },
  { fmt: 'decimal', text: '%3.' },
  { fmt: 'decimal', text: '（%4）' },
];

async function makeDocx(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function expectReaderError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReaderError);
  expect((error as ReaderError).code).toBe(code);
  expect((error as ReaderError).message).toMatch(/[\u4e00-\u9fff]/);
  expect((error as ReaderError).messageEn).toMatch(/[a-z]/);
}

describe('readDocx: automatic numbering', () => {
  it('computes chineseCounting 一、 and （一） numbers that are not in the text', async () => {
    const body = [
      p('云溪县县长对照检查材料'),
      p('现对照检查如下：'),
      p('存在的主要问题', { num: [1, 0] }),
      p('在学习方面。学得不深。', { num: [1, 1] }),
      p('在作风方面', { num: [1, 1] }),
      p('一是调研不够；二是落实不力。'),
      p('原因分析', { num: [1, 0] }),
      p('理想信念有所弱化。放松了学习。', { num: [1, 1] }),
      p('整改措施', { num: [1, 0] }),
      p('在强化理论武装上下功夫。', { num: [1, 1] }),
      p('每周自学。', { num: [1, 2] }),
      p('每月研讨。', { num: [1, 2] }),
      p('坚持原文。', { num: [1, 3] }),
    ].join('');
    const paragraphs = await readDocx(
      await makeDocx({
        'word/document.xml': documentXml(body),
        'word/numbering.xml': numberingXml(abstractNum(0, OUTLINE_LEVELS), num(1, 0)),
      }),
    );
    expect(paragraphs.map((x) => x.numbering?.text ?? '')).toEqual([
      '', '', '一、', '（一）', '（二）', '', '二、', '（一）', '三、', '（一）', '1.', '2.', '（1）',
    ]);
    expect(paragraphs[3]).toEqual({ text: '在学习方面。学得不深。', numbering: { level: 1, format: 'chineseCounting', text: '（一）' } });

    const { material, warnings } = parseOutline(paragraphs);
    expect(warnings.map((w) => w.code)).toEqual(['guess-problem']); // 学得不深。: one unnumbered problem
    expect(outline(material)).toBe(
      [
        'T 云溪县县长对照检查材料',
        'O 现对照检查如下：',
        'S problems 存在的主要问题 {cn-paren}',
        '  B 在学习方面。 [学习]',
        '    I 学得不深。',
        '  B 在作风方面 [作风] {cn-shi}',
        '    I 调研不够；',
        '    I 落实不力。',
        'S causes 原因分析 {cn-paren}',
        '  I 理想信念有所弱化。 ‖ 放松了学习。',
        'S measures 整改措施 {cn-paren}',
        '  I 在强化理论武装上下功夫。 [强化理论武装] {arabic-dot}',
        '    I 每周自学。',
        '    I 每月研讨。 {arabic-paren}',
        '      I 坚持原文。',
      ].join('\n'),
    );
  });

  it('shares counters between list instances of one definition unless an instance restarts', async () => {
    const body = [p('甲', { num: [1, 0] }), p('乙', { num: [2, 0] }), p('丙', { num: [3, 0] }), p('丁', { num: [3, 0] })].join('');
    const paragraphs = await readDocx(
      await makeDocx({
        'word/document.xml': documentXml(body),
        'word/numbering.xml': numberingXml(abstractNum(0, OUTLINE_LEVELS), num(1, 0) + num(2, 0) + num(3, 0, 1)),
      }),
    );
    expect(paragraphs.map((x) => x.numbering?.text)).toEqual(['一、', '二、', '一、', '二、']);
  });

  it('honours w:start and w:lvlRestart, and formats %1.%2 with each level’s format', async () => {
    const levels: Level[] = [
      { fmt: 'decimal', text: '%1.', start: 3 },
      { fmt: 'decimal', text: '%1.%2', restart: 0 },
    ];
    const body = [p('a', { num: [1, 0] }), p('b', { num: [1, 1] }), p('c', { num: [1, 0] }), p('d', { num: [1, 1] })].join('');
    const paragraphs = await readDocx(
      await makeDocx({ 'word/document.xml': documentXml(body), 'word/numbering.xml': numberingXml(abstractNum(0, levels), num(1, 0)) }),
    );
    expect(paragraphs.map((x) => x.numbering?.text)).toEqual(['3.', '3.1', '4.', '4.2']);
  });

  it('takes numbering and outline level from paragraph styles, following w:basedOn', async () => {
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="${W}">
      <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
      <w:style w:type="paragraph" w:styleId="MyL2"><w:name w:val="我的二级"/><w:basedOn w:val="2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
    </w:styles>`;
    const body = [
      p('目录条目\t3', { style: 'TOC1' }),
      p('存在的问题', { style: '1' }),
      p('在学习方面。学得不深。', { style: 'MyL2' }),
      p('原因分析', { style: '1' }),
      p('不编号的标题', { style: '2' }),
      p('正文', { outline: 9 }),
    ].join('');
    const paragraphs = await readDocx(
      await makeDocx({
        'word/document.xml': documentXml(body),
        'word/styles.xml': styles,
        'word/numbering.xml': numberingXml(abstractNum(0, OUTLINE_LEVELS), num(1, 0)),
      }),
    );
    expect(paragraphs).toEqual([
      { text: '存在的问题', numbering: { level: 0, format: 'chineseCounting', text: '一、' }, outlineLevel: 0 },
      { text: '在学习方面。学得不深。', numbering: { level: 1, format: 'chineseCounting', text: '（一）' }, outlineLevel: 1 },
      { text: '原因分析', numbering: { level: 0, format: 'chineseCounting', text: '二、' }, outlineLevel: 0 },
      { text: '不编号的标题', outlineLevel: 1 },
      { text: '正文' },
    ]);
  });
});

describe('readDocx: text', () => {
  it('reads tabs, breaks and entities, and skips deleted, hidden and field-code text', async () => {
    const runs = [
      '<w:r><w:t>一是</w:t></w:r>',
      '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">学习 </w:t></w:r>',
      '<w:del w:id="1"><w:r><w:delText>已删除</w:delText></w:r></w:del>',
      '<w:ins w:id="2"><w:r><w:t>不深</w:t></w:r></w:ins>',
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:r><w:tab/><w:t>&lt;规定&gt; &amp; &#x4E00;&#20108;</w:t><w:br/><w:t>“六稳”</w:t></w:r>',
      '<w:hyperlink r:id="rId1"><w:r><w:t>链接</w:t></w:r></w:hyperlink>',
    ].join('');
    const paragraphs = await readDocx(await makeDocx({ 'word/document.xml': documentXml(p(runs)) }));
    expect(paragraphs).toEqual([{ text: '一是学习 不深3\t<规定> & 一二\n“六稳”链接' }]);
  });

  it('reads text boxes once (not the fallback copy) and paragraphs inside tables', async () => {
    const textBox = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const body = [
      p(
        `<w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${textBox('文本框')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${textBox('文本框')}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
      `<w:tbl><w:tr><w:tc>${p('单元格')}</w:tc></w:tr></w:tbl>`,
    ].join('');
    const paragraphs = await readDocx(await makeDocx({ 'word/document.xml': documentXml(body) }));
    expect(paragraphs.map((x) => x.text)).toEqual(['文本框', '正文', '单元格']);
  });

  it('resolves names through the namespace, whatever the prefix', async () => {
    const xml = documentXml(p('存在的问题', { num: [1, 0] }), 'ns0');
    expect(xml).toContain('<ns0:p>');
    const paragraphs = await readDocx(
      await makeDocx({ 'word/document.xml': xml, 'word/numbering.xml': numberingXml(abstractNum(0, OUTLINE_LEVELS), num(1, 0)) }),
    );
    expect(paragraphs).toEqual([{ text: '存在的问题', numbering: { level: 0, format: 'chineseCounting', text: '一、' } }]);
  });

  it('does not expand DOCTYPE entities', async () => {
    const xml = documentXml(p('&bomb;正文')).replace('<w:document', '<!DOCTYPE w:document [<!ENTITY bomb "BOOM">]><w:document');
    const paragraphs = await readDocx(await makeDocx({ 'word/document.xml': xml }));
    expect(paragraphs).toEqual([{ text: '&bomb;正文' }]);
  });
});

describe('readDocx: hostile and wrong files', () => {
  it('refuses files that are not .docx', async () => {
    await expectReaderError(readDocx(Buffer.from('一、存在的问题\n')), 'file.notZip');
    await expectReaderError(readDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])), 'file.legacyFormat');
    await expectReaderError(readDocx(Buffer.alloc(0)), 'file.empty');
    await expectReaderError(readDocx(await makeDocx({ 'xl/workbook.xml': '<workbook/>' })), 'file.notDocx');
  });

  it('refuses a truncated archive', async () => {
    const good = await makeDocx({ 'word/document.xml': documentXml(p('正文')) });
    await expectReaderError(readDocx(good.subarray(0, good.length - 30)), 'file.corrupt');
  });

  it('refuses a file over the size limit', async () => {
    const good = await makeDocx({ 'word/document.xml': documentXml(p('正文')) });
    await expectReaderError(readDocx(good, { maxFileBytes: 100 }), 'file.tooLarge');
  });

  it('refuses too many entries before inflating anything', async () => {
    const parts: Record<string, string> = { 'word/document.xml': documentXml(p('正文')) };
    for (let i = 0; i < 30; i++) parts[`word/media/image${i}.png`] = 'x';
    await expectReaderError(readDocx(await makeDocx(parts), { maxEntries: 20 }), 'file.zipBomb');
  });

  it('refuses a document body that expands beyond the limit', async () => {
    const huge = documentXml(p('正'.repeat(400_000))); // ~1.2 MB that compresses to a few KB
    const file = await makeDocx({ 'word/document.xml': huge });
    expect(file.length).toBeLessThan(50_000);
    await expectReaderError(readDocx(file, { maxXmlBytes: 1024 * 1024 }), 'file.zipBomb');
    expect((await readDocx(file))[0].text.length).toBe(400_000);
  });

  it('stops inflating an entry that lies about its size', async () => {
    const file = await makeDocx({ 'word/document.xml': documentXml(p('正'.repeat(200_000))) });
    // Rewrite the declared uncompressed size of document.xml (local and central headers) to 1 KB.
    const name = Buffer.from('word/document.xml');
    for (let i = 0; i < file.length - 4; i++) {
      const sig = file.readUInt32LE(i);
      if (sig === 0x04034b50 && file.subarray(i + 30, i + 30 + name.length).equals(name)) file.writeUInt32LE(1024, i + 22);
      if (sig === 0x02014b50 && file.subarray(i + 46, i + 46 + name.length).equals(name)) file.writeUInt32LE(1024, i + 24);
    }
    await expectReaderError(readDocx(file), 'file.zipBomb');
  });
});

describe('Word number formats', () => {
  it('renders the formats Chinese documents use', () => {
    const cases: Array<[string, number, string]> = [
      ['chineseCounting', 11, '十一'],
      ['chineseCountingThousand', 20, '二十'],
      ['decimal', 12, '12'],
      ['decimalZero', 3, '03'],
      ['decimalFullWidth', 12, '１２'],
      ['decimalEnclosedCircle', 3, '③'],
      ['decimalEnclosedCircleChinese', 21, '(21)'],
      ['decimalEnclosedParen', 2, '⑵'],
      ['decimalEnclosedFullstop', 2, '⒉'],
      ['ideographDigital', 10, '一〇'],
      ['chineseLegalSimplified', 12, '拾贰'],
      ['ideographTraditional', 3, '丙'],
      ['ideographZodiac', 13, '子'],
      ['lowerLetter', 28, 'bb'],
      ['upperRoman', 14, 'XIV'],
      ['none', 5, ''],
      ['somethingNew', 7, '7'],
    ];
    for (const [fmt, n, expected] of cases) expect(formatNumber(n, fmt), fmt).toBe(expected);
  });
});
