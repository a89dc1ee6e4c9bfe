/**
 * Page setup: paper, margins, grid and sections (GB/T 9704 §5), read back from the section properties.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentBlock } from './blocks';
import { buildGbtDocument } from './build';
import { rectificationTable } from './fixtures';
import { GRID_CHARS_PER_LINE, GRID_LINES_PER_PAGE } from './layout';
import { mmToTwips } from './units';
import { bodyParagraphs, child, findAll, hasParagraphProperty, paragraphProperty, readDocx, textOf, type XmlElement } from './testkit';

const attrsOf = (section: XmlElement, name: string) => child(section, name)?.attrs ?? {};
const twips = (section: XmlElement, name: string, attribute: string) => Number(attrsOf(section, name)[attribute]);

async function build(blocks: DocumentBlock[], settings = {}) {
  return readDocx(await buildGbtDocument({ blocks, settings, meta: { title: '测试' } }));
}

describe('portrait pages', () => {
  it('are A4 with the GB/T 9704 margins in twips', async () => {
    const { sections } = await build([{ kind: 'paragraph', text: '正文' }]);
    expect(sections).toHaveLength(1);
    expect(attrsOf(sections[0], 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrsOf(sections[0], 'w:pgSz')['w:orient']).not.toBe('landscape');
    expect(attrsOf(sections[0], 'w:pgMar')).toMatchObject({
      'w:top': '2098',
      'w:left': '1588',
      'w:right': '1474',
      'w:bottom': '1984',
      'w:gutter': '0',
    });
  });

  it('carry a 22-line grid and body runs condensed so 28 三号 characters fill the 156 mm line', async () => {
    const { sections, styles } = await build([{ kind: 'paragraph', text: '正文' }]);
    const grid = attrsOf(sections[0], 'w:docGrid');
    // No character grid: LibreOffice widens characters to a grid cell but never narrows them (the render test shows it).
    expect(grid['w:type']).toBe('lines');
    const linePitch = Number(grid['w:linePitch']);
    const textHeight = 16838 - 2098 - 1984;
    const textWidth = 11906 - 1588 - 1474;
    expect(Math.floor(textHeight / linePitch)).toBe(GRID_LINES_PER_PAGE);
    expect(linePitch).toBe(579);
    const defaults = findAll(styles, 'w:rPrDefault')[0];
    const spacing = Number(child(findAll(defaults, 'w:rPr')[0], 'w:spacing')?.attrs['w:val']);
    expect(spacing).toBe(-5);
    const advance = 320 + spacing;
    expect(Math.floor(textWidth / advance)).toBe(GRID_CHARS_PER_LINE);
  });

  it('follow edited margins, with the grid refitted to the new text block', async () => {
    const { sections } = await build([{ kind: 'paragraph', text: '正文' }], { marginTopMm: 30, marginLeftMm: 30 });
    // 30 mm = 85.04 pt, kept by Word as 85.0 pt.
    expect(attrsOf(sections[0], 'w:pgMar')).toMatchObject({ 'w:top': '1700', 'w:left': '1700' });
    const linePitch = Number(attrsOf(sections[0], 'w:docGrid')['w:linePitch']);
    expect(Math.floor((16838 - 1700 - 1984) / linePitch)).toBe(GRID_LINES_PER_PAGE);
    expect(linePitch).toBeGreaterThan(579);
  });

  it('place the footer so the page number sits about 7 mm under the text block', async () => {
    const { sections } = await build([{ kind: 'paragraph', text: '正文' }]);
    const bottom = twips(sections[0], 'w:pgMar', 'w:bottom');
    const footer = twips(sections[0], 'w:pgMar', 'w:footer');
    // bottom margin − footer distance = 7 mm gap + one 14 pt line.
    expect(bottom - footer).toBe(mmToTwips(7) + 280);
  });
});

describe('landscape sections', () => {
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: '对照检查材料' },
    { kind: 'paragraph', text: '正文。' },
    { kind: 'section', orientation: 'landscape', blocks: [{ kind: 'title', text: '整改清单' }, rectificationTable(3)] },
    { kind: 'paragraph', text: '后记。' },
  ];

  it('swap the page size, start on a new page and keep the same printed text block', async () => {
    const { sections } = await build(blocks);
    expect(sections).toHaveLength(3);
    const [before, landscape, after] = sections;
    expect(attrsOf(landscape, 'w:pgSz')).toEqual({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(attrsOf(landscape, 'w:type')['w:val']).toBe('nextPage');
    expect(attrsOf(after, 'w:type')['w:val']).toBe('nextPage');
    expect(attrsOf(after, 'w:pgSz')['w:orient']).not.toBe('landscape');
    expect(attrsOf(before, 'w:pgSz')['w:w']).toBe('11906');
    // Each margin keeps its place on the sheet: the binding margin (28 mm) is the landscape top.
    expect(attrsOf(landscape, 'w:pgMar')).toMatchObject({
      'w:top': '1588',
      'w:right': '2098',
      'w:bottom': '1474',
      'w:left': '1984',
    });
    const width = 16838 - twips(landscape, 'w:pgMar', 'w:left') - twips(landscape, 'w:pgMar', 'w:right');
    const height = 11906 - twips(landscape, 'w:pgMar', 'w:top') - twips(landscape, 'w:pgMar', 'w:bottom');
    expect([width, height]).toEqual([16838 - 2098 - 1984, 11906 - 1588 - 1474]);
    expect(attrsOf(landscape, 'w:docGrid')).toEqual(attrsOf(before, 'w:docGrid'));
  });

  it('continue the page numbers of the document', async () => {
    const { sections } = await build(blocks);
    for (const section of sections) expect(attrsOf(section, 'w:pgNumType')['w:start']).toBeUndefined();
  });

  it('close with a 1 pt paragraph after a final table, so no blank page follows the table', async () => {
    const { document, sections } = await build(blocks);
    const landscapeEnd = findAll(document, 'w:p').find((p) => child(child(p, 'w:pPr')!, 'w:sectPr') === sections[1]);
    expect(landscapeEnd).toBeDefined();
    expect(textOf(landscapeEnd!)).toBe('');
    expect(paragraphProperty(landscapeEnd!, 'w:spacing', 'w:line')).toBe('20');
  });
});

describe('sections and page breaks', () => {
  it('builds a valid one-page document from no blocks', async () => {
    const { sections, document } = await build([]);
    expect(sections).toHaveLength(1);
    expect(bodyParagraphs(document)).toHaveLength(1);
  });

  it('starts the block after a page break on a new page without leaving an empty line', async () => {
    const { document } = await build([
      { kind: 'pageBreak' },
      { kind: 'paragraph', text: '甲' },
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
      { kind: 'heading1', text: '乙' },
      { kind: 'pageBreak' },
    ]);
    const paragraphs = bodyParagraphs(document);
    expect(paragraphs.map(textOf)).toEqual(['甲', '乙']);
    expect(hasParagraphProperty(paragraphs[0], 'w:pageBreakBefore')).toBe(false);
    expect(hasParagraphProperty(paragraphs[1], 'w:pageBreakBefore')).toBe(true);
    expect(findAll(document, 'w:br').filter((br) => br.attrs['w:type'] === 'page')).toHaveLength(0);
  });

  it('opens a new page for a table with a hairline paragraph', async () => {
    const { document } = await build([{ kind: 'paragraph', text: '甲' }, { kind: 'pageBreak' }, rectificationTable(1)]);
    const body = findAll(document, 'w:body')[0].children.filter((c): c is XmlElement => typeof c !== 'string');
    expect(body.map((c) => c.name)).toEqual(['w:p', 'w:p', 'w:tbl', 'w:p', 'w:sectPr']);
    expect(hasParagraphProperty(body[1], 'w:pageBreakBefore')).toBe(true);
    expect(paragraphProperty(body[1], 'w:spacing', 'w:line')).toBe('20');
  });

  it('does not break before an attachment label that opens a section', async () => {
    const { document } = await build([
      { kind: 'paragraph', text: '正文' },
      { kind: 'section', orientation: 'landscape', blocks: [{ kind: 'attachmentLabel', text: '附件2' }] },
    ]);
    const label = bodyParagraphs(document).find((p) => textOf(p) === '附件2')!;
    expect(hasParagraphProperty(label, 'w:pageBreakBefore')).toBe(false);
  });

  it('drops a stretch of nothing but page breaks between sections instead of making a blank page', async () => {
    const { sections } = await build([
      { kind: 'section', orientation: 'portrait', blocks: [{ kind: 'paragraph', text: '一' }] },
      { kind: 'pageBreak' },
      { kind: 'section', orientation: 'landscape', blocks: [{ kind: 'paragraph', text: '二' }] },
    ]);
    expect(sections).toHaveLength(2);
  });
});
