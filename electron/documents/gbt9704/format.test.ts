/**
 * The body format of GB/T 9704, checked in the XML Word will read: fonts, sizes, indents, spacing, outline levels.
 */
import { describe, expect, it } from 'vitest';
import { buildGbtDocument } from './build';
import { FONT_PROFILES, type FontProfile } from './fonts';
import { materialBlocks } from './fixtures';
import {
  bodyParagraphs,
  child,
  find,
  findAll,
  hasParagraphProperty,
  paragraphProperty,
  readDocx,
  runFormat,
  textOf,
  type XmlElement,
} from './testkit';

async function material(profile: FontProfile, extra: { heading3Bold?: boolean; lineSpacingPt?: number } = {}) {
  const bytes = await buildGbtDocument({
    blocks: materialBlocks(),
    settings: { fontProfile: profile, ...extra },
    meta: { title: '对照检查材料' },
  });
  const docx = await readDocx(bytes);
  const paragraphs = bodyParagraphs(docx.document);
  const byText = (text: string): XmlElement => {
    const found = paragraphs.find((p) => textOf(p) === text);
    if (!found) throw new Error(`no paragraph "${text}"`);
    return found;
  };
  return { docx, paragraphs, byText };
}

const runsOf = (paragraph: XmlElement) => findAll(paragraph, 'w:r').map(runFormat);

describe.each(['gb2312', 'system'] as const)('font profile %s', (profile) => {
  const fonts = FONT_PROFILES[profile];

  it('sets the East Asian, ASCII and hAnsi font on every run, so nothing falls back to the theme font', async () => {
    const { docx } = await material(profile);
    const runs = findAll(docx.document, 'w:r');
    const footers = [await docx.footer(docx.sections[0], 'default'), await docx.footer(docx.sections[0], 'even')];
    for (const footer of footers) runs.push(...findAll(footer!, 'w:r'));
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) {
      const format = runFormat(run);
      expect(format.eastAsia, `run "${format.text}"`).toBeTruthy();
      expect(format.ascii).toBe(format.eastAsia);
      expect(format.hAnsi).toBe(format.eastAsia);
      expect(format.size).toBeGreaterThan(0);
      expect(Object.values(fonts)).toContain(format.eastAsia);
    }
  });

  it('sets the title in 2号 小标宋 (or its stand-in), centred, lines broken inside one paragraph', async () => {
    const { paragraphs } = await material(profile);
    const title = paragraphs[0];
    expect(textOf(title)).toBe('县委常委班子成员张某某\n2025年度民主生活会个人对照检查材料');
    expect(paragraphProperty(title, 'w:jc')).toBe('center');
    expect(hasParagraphProperty(title, 'w:ind')).toBe(false);
    expect(hasParagraphProperty(title, 'w:outlineLvl')).toBe(false);
    for (const run of runsOf(title)) expect(run).toMatchObject({ eastAsia: fonts.title, size: 44 });
  });

  it('sets the author line in 3号 楷体, centred', async () => {
    const { byText } = await material(profile);
    const author = byText('张某某');
    expect(paragraphProperty(author, 'w:jc')).toBe('center');
    expect(runsOf(author)).toEqual([expect.objectContaining({ eastAsia: fonts.heading2, size: 32 })]);
  });

  it('sets level-1 headings in 3号 黑体 at outline level 1, indented like body text, kept with the next paragraph', async () => {
    const { byText } = await material(profile);
    const heading = byText('一、存在的主要问题');
    expect(runsOf(heading)).toEqual([expect.objectContaining({ eastAsia: fonts.heading1, size: 32, bold: false })]);
    expect(paragraphProperty(heading, 'w:outlineLvl')).toBe('0');
    expect(paragraphProperty(heading, 'w:ind', 'w:firstLine')).toBe('640');
    expect(hasParagraphProperty(heading, 'w:keepNext')).toBe(true);
  });

  it('runs a level-2 heading into its text: the heading sentence in 楷体, the rest in 仿宋, one paragraph', async () => {
    const { byText } = await material(profile);
    const paragraph = byText('（一）在提高政治站位方面。一是理论学习不够深入。比如，学习“六稳”“六保”精神不够系统。二是……');
    const runs = runsOf(paragraph);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ text: '（一）在提高政治站位方面。', eastAsia: fonts.heading2, size: 32 });
    expect(runs[1]).toMatchObject({ eastAsia: fonts.body, size: 32 });
    expect(runs[1].text.startsWith('一是')).toBe(true);
    expect(paragraphProperty(paragraph, 'w:outlineLvl')).toBe('1');
    expect(paragraphProperty(paragraph, 'w:ind', 'w:firstLine')).toBe('640');
    expect(hasParagraphProperty(paragraph, 'w:keepNext')).toBe(false);
    expect(paragraphProperty(paragraph, 'w:jc')).toBe('both');
  });

  it('keeps a level-2 heading without text on its own line, in 楷体, with the next paragraph', async () => {
    const { byText } = await material(profile);
    const heading = byText('（二）在落实全面从严治党两个责任方面');
    expect(runsOf(heading)).toEqual([expect.objectContaining({ eastAsia: fonts.heading2 })]);
    expect(paragraphProperty(heading, 'w:outlineLvl')).toBe('1');
    expect(hasParagraphProperty(heading, 'w:keepNext')).toBe(true);
    // Flush left: justified, a heading that wraps before an unbreakable end stretched its first line.
    expect(paragraphProperty(heading, 'w:jc')).toBe('left');
  });

  it('sets level-3 and level-4 headings in 仿宋 at outline levels 3 and 4', async () => {
    const { byText } = await material(profile);
    const level3 = byText('1.学习不够。学用结合不紧。');
    expect(runsOf(level3).map((r) => [r.text, r.eastAsia, r.bold])).toEqual([
      ['1.学习不够。', fonts.body, false],
      ['学用结合不紧。', fonts.body, false],
    ]);
    expect(paragraphProperty(level3, 'w:outlineLvl')).toBe('2');
    const level4 = byText('（1）具体表现。调研次数偏少。');
    expect(paragraphProperty(level4, 'w:outlineLvl')).toBe('3');
    expect(runsOf(level4).every((r) => r.eastAsia === fonts.body)).toBe(true);
  });

  it('sets body text in 3号 仿宋, justified, first line indented two characters (640 twips)', async () => {
    const { byText } = await material(profile);
    const paragraph = byText('下一步，我将认真整改。');
    expect(runsOf(paragraph)).toEqual([expect.objectContaining({ eastAsia: fonts.body, size: 32, bold: false })]);
    expect(paragraphProperty(paragraph, 'w:jc')).toBe('both');
    expect(paragraphProperty(paragraph, 'w:ind', 'w:firstLine')).toBe('640');
    expect(paragraphProperty(paragraph, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(hasParagraphProperty(paragraph, 'w:outlineLvl')).toBe(false);
  });

  it('keeps the look of each span in a mixed paragraph', async () => {
    const { byText } = await material(profile);
    const runs = runsOf(byText('主要是对分管领域问题研究不深。'));
    expect(runs).toEqual([
      expect.objectContaining({ text: '主要是', eastAsia: fonts.heading2, bold: false }),
      expect.objectContaining({ text: '对分管领域问题研究不深。', eastAsia: fonts.body, bold: true }),
    ]);
  });

  it('sets signature and date lines without first-line indent, right-aligned four characters in', async () => {
    const { byText } = await material(profile);
    const date = byText('2026年1月5日');
    expect(paragraphProperty(date, 'w:jc')).toBe('right');
    expect(paragraphProperty(date, 'w:ind', 'w:right')).toBe('1280');
    expect(paragraphProperty(date, 'w:ind', 'w:firstLine')).toBeUndefined();
    expect(runsOf(date)).toEqual([expect.objectContaining({ eastAsia: fonts.body, size: 32 })]);
  });

  it('puts the attachment label in 3号 黑体 at the top left of a new page', async () => {
    const { byText } = await material(profile);
    const label = byText('附件1');
    expect(hasParagraphProperty(label, 'w:pageBreakBefore')).toBe(true);
    expect(paragraphProperty(label, 'w:jc')).toBe('left');
    expect(hasParagraphProperty(label, 'w:ind')).toBe(false);
    expect(runsOf(label)).toEqual([expect.objectContaining({ eastAsia: fonts.heading1, size: 32 })]);
  });

  it('gives the document defaults the body font, 三号 and Chinese as East Asian language', async () => {
    const { docx } = await material(profile);
    const defaults = find(docx.styles, 'w:rPrDefault')!;
    expect(find(defaults, 'w:rFonts')!.attrs['w:eastAsia']).toBe(fonts.body);
    expect(find(defaults, 'w:sz')!.attrs['w:val']).toBe('32');
    expect(find(defaults, 'w:lang')!.attrs['w:eastAsia']).toBe('zh-CN');
  });
});

describe('line spacing', () => {
  it('fixes every body line at exactly 28 pt (560 twentieths) by default', async () => {
    const { paragraphs } = await material('gb2312');
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) {
      expect(paragraphProperty(paragraph, 'w:spacing', 'w:line'), textOf(paragraph)).toBe('560');
      expect(paragraphProperty(paragraph, 'w:spacing', 'w:lineRule')).toBe('exact');
    }
  });

  it('follows the unit setting, e.g. 29 pt', async () => {
    const { paragraphs, docx } = await material('gb2312', { lineSpacingPt: 29 });
    for (const paragraph of paragraphs) expect(paragraphProperty(paragraph, 'w:spacing', 'w:line')).toBe('580');
    const defaults = find(docx.styles, 'w:pPrDefault')!;
    expect(find(defaults, 'w:spacing')!.attrs).toMatchObject({ 'w:line': '580', 'w:lineRule': 'exact' });
  });
});

describe('numbering and levels', () => {
  it('keeps a heading with its text, but a list of headings without text does not chain itself to the next page', async () => {
    const docx = await readDocx(
      await buildGbtDocument({
        blocks: [
          { kind: 'heading1', text: '一、征求意见内容' },
          ...['（一）在政治建设方面。', '（二）在履职尽责方面。', '（三）在作风建设方面。'].map((heading) => ({ kind: 'heading2' as const, heading })),
          { kind: 'heading1', text: '二、征求意见方式' },
          { kind: 'paragraph', text: '采取座谈会等方式进行。' },
        ],
        meta: { title: '测试' },
      }),
    );
    expect(bodyParagraphs(docx.document).map((p) => hasParagraphProperty(p, 'w:keepNext'))).toEqual([true, false, false, true, true, false]);
  });

  it('writes numbering as literal text and never uses Word auto-numbering', async () => {
    const { docx } = await material('gb2312');
    expect(findAll(docx.document, 'w:numPr')).toHaveLength(0);
    expect(docx.documentXml).toContain('一、存在的主要问题');
  });

  it('bolds level-3 headings, and only the heading sentence, when the unit asks for it', async () => {
    const { byText } = await material('gb2312', { heading3Bold: true });
    expect(runsOf(byText('1.学习不够。学用结合不紧。')).map((r) => r.bold)).toEqual([true, false]);
  });

  it('gives outline levels only to headings', async () => {
    const { paragraphs } = await material('gb2312');
    const levels = paragraphs
      .filter((p) => hasParagraphProperty(p, 'w:outlineLvl'))
      .map((p) => [paragraphProperty(p, 'w:outlineLvl'), textOf(p).slice(0, 4)]);
    expect(levels).toEqual([
      ['0', '一、存在'],
      ['1', '（一）在'],
      ['1', '（二）在'],
      ['2', '1.学习'],
      ['3', '（1）具'],
      ['0', '二、整改'],
    ]);
  });
});

describe('paragraph marks', () => {
  it('gives empty lines the body font and size so they are one body line high', async () => {
    const { paragraphs } = await material('gb2312');
    const blank = paragraphs[2];
    expect(textOf(blank)).toBe('');
    const markFonts = find(child(blank, 'w:pPr')!, 'w:rFonts')!;
    expect(markFonts.attrs['w:eastAsia']).toBe('仿宋_GB2312');
  });
});

describe('line breaks inside a paragraph', () => {
  it('do not stretch the line before them across the justified line (a speech of several paragraphs, two recorders joined)', async () => {
    const { docx, paragraphs } = await material('gb2312');
    // Word and LibreOffice read this (seen in LibreOffice's PDF): a line ended by a manual break keeps its natural spacing.
    expect(find(child(docx.settings, 'w:compat')!, 'w:doNotExpandShiftReturn')).toBeDefined();
    expect(paragraphs.some((p) => findAll(p, 'w:br').length > 0)).toBe(true);
  });
});
