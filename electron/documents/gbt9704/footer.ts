/**
 * Page number footers: 「— 1 —」 in 4号 宋体 (GB/T 9704 §7.5). Odd pages right and even pages left, each one
 * character in from the margin (单页码居右空一字，双页码居左空一字), so numbers sit on the outer edge of a
 * double-sided print; or centred on every page for drafts.
 */
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { FontSet } from './fonts';
import { runProperties } from './runs';
import type { PageNumberStyle } from './settings';
import { FONT_SIZE_PT, ptToTwips } from './units';

export interface PageNumberFooters {
  /** Odd pages, or every page when there is no even footer. */
  readonly default: Footer;
  readonly even?: Footer;
}

/** Whether the document needs w:evenAndOddHeaders in its settings for these footers to apply. */
export function usesEvenAndOddFooters(style: PageNumberStyle): boolean {
  return style === 'outer';
}

export function pageNumberFooters(style: PageNumberStyle, fonts: FontSet): PageNumberFooters {
  if (style === 'center') return { default: footer(fonts, 'center') };
  return { default: footer(fonts, 'right'), even: footer(fonts, 'left') };
}

const ONE_CHAR = ptToTwips(FONT_SIZE_PT.size4);

function footer(fonts: FontSet, side: 'left' | 'right' | 'center'): Footer {
  const style = runProperties({ font: fonts.pageNumber, sizePt: FONT_SIZE_PT.size4 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        ...(side === 'left' ? { indent: { left: ONE_CHAR } } : side === 'right' ? { indent: { right: ONE_CHAR } } : {}),
        // Exact spacing keeps the footer one 四号 line high whatever the document grid says; layout.ts places the
        // footer from that height.
        spacing: { line: ONE_CHAR, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        run: style,
        // A PAGE field, written by docx as begin / instrText / separate / end runs, each with the same fonts.
        children: [new TextRun({ ...style, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}
