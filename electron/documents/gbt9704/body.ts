/**
 * The blocks of one section → docx paragraphs and tables, resolving page breaks.
 */
import { LineRuleType, Paragraph } from 'docx';
import type { BodyBlock } from './blocks';
import type { FontSet } from './fonts';
import { renderParagraphBlock } from './paragraphs';
import { runProperties } from './runs';
import type { PageSettings } from './settings';
import { renderTable, TableXml } from './table';

export interface BodyContext {
  readonly settings: PageSettings;
  readonly fonts: FontSet;
  readonly textWidth: number;
}

const LEVEL: Partial<Record<BodyBlock['kind'], number>> = { heading1: 1, heading2: 2, heading3: 3, heading4: 4 };

/** A heading without text of its own, followed by a heading of its own level or higher also without text: a list. */
function isListItem(block: BodyBlock, next: BodyBlock | undefined): boolean {
  const level = LEVEL[block.kind];
  const nextLevel = next && LEVEL[next.kind];
  if (level === undefined || level === 1 || nextLevel === undefined || nextLevel === 1 || nextLevel > level) return false;
  return !(next && 'body' in next && next.body);
}

export function renderBody(blocks: readonly BodyBlock[], context: BodyContext): (Paragraph | TableXml)[] {
  const children: (Paragraph | TableXml)[] = [];
  let breakPending = false;
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'pageBreak') {
      // A section already starts on a new page; a break there would leave a blank page.
      breakPending = children.length > 0;
      continue;
    }
    const startsPage = children.length > 0 && (breakPending || block.kind === 'attachmentLabel');
    breakPending = false;
    if (block.kind === 'table') {
      // Tables cannot carry pageBreakBefore, so a hairline paragraph opens the page for them.
      if (startsPage) children.push(hairline(context, true));
      children.push(renderTable(block, context));
    } else {
      children.push(renderParagraphBlock(block, { ...context, pageBreakBefore: startsPage, nextIsSibling: isListItem(block, blocks[index + 1]) }));
    }
  }
  if (children.length === 0) {
    children.push(renderParagraphBlock({ kind: 'blankLine' }, { ...context, pageBreakBefore: false }));
  } else if (children[children.length - 1] instanceof TableXml) {
    // Word needs a paragraph after a table to hold the section properties. At body height it could spill onto a
    // page of its own when the table ends at the foot of a page; at 1 pt it cannot.
    children.push(hairline(context, false));
  }
  return children;
}

const HAIRLINE_TWIPS = 20;

function hairline(context: BodyContext, pageBreakBefore: boolean): Paragraph {
  const style = runProperties({ font: context.fonts.body, sizePt: 1 });
  return new Paragraph({
    spacing: { line: HAIRLINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: style,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}
