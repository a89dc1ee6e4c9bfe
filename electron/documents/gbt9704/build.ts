/**
 * The single entry point for Word exports: blocks + settings → .docx bytes.
 */
import { Document, DocumentGridType, LineRuleType, Packer, PageOrientation, SectionType, type IParagraphStyleOptions, type ISectionOptions } from 'docx';
import type { BodyBlock, DocumentBlock } from './blocks';
import { renderBody } from './body';
import { fontSetFor, runFonts, type FontSet } from './fonts';
import { pageNumberFooters, usesEvenAndOddFooters } from './footer';
import { bodyCharacterSpacing, sectionGeometry, type Orientation } from './layout';
import { normalizePageSettings, type PageSettings } from './settings';
import { tableCellStyles } from './table';
import { sanitizeText } from './text';
import { A4_TWIPS, FONT_SIZE_PT, ptToHalfPoints, ptToTwips } from './units';

export interface GbtDocumentMeta {
  /** Stored in the file's properties (File → Info), not printed. */
  readonly title: string;
  /** Defaults to 「镜鉴」 so no user or machine name leaks into a confidential file. */
  readonly creator?: string;
  readonly subject?: string;
}

export interface GbtDocumentInput {
  readonly blocks: readonly DocumentBlock[];
  /** Anything stored for the unit; normalized (defaults filled, values clamped) before use. */
  readonly settings?: Partial<PageSettings>;
  readonly meta: GbtDocumentMeta;
}

export async function buildGbtDocument(input: GbtDocumentInput): Promise<Buffer> {
  const settings = normalizePageSettings(input.settings);
  const fonts = fontSetFor(settings.fontProfile);
  const creator = sanitizeText(input.meta.creator ?? '镜鉴');
  const document = new Document({
    title: sanitizeText(input.meta.title),
    ...(input.meta.subject !== undefined ? { subject: sanitizeText(input.meta.subject) } : {}),
    creator,
    lastModifiedBy: creator,
    evenAndOddHeaderAndFooters: usesEvenAndOddFooters(settings.pageNumberStyle),
    // A line ended by a line break ("\n" in a paragraph: a speech of several paragraphs in the minutes, two recorders'
    // words joined) is not stretched to the margin: justified CJK text would otherwise spread its characters apart.
    compatibility: { doNotExpandShiftReturn: true },
    styles: { ...documentDefaults(settings, fonts), paragraphStyles: [normalStyle(settings, fonts), ...tableCellStyles(input.blocks, settings, fonts)] },
    sections: splitSections(input.blocks).map((section, index) => sectionOptions(section, index, settings, fonts)),
  });
  return Packer.toBuffer(document);
}

interface SectionPlan {
  readonly orientation: Orientation;
  readonly blocks: readonly BodyBlock[];
}

/**
 * Top-level blocks between section blocks form portrait sections. Such a run holding nothing but page breaks is
 * dropped (it would only make a blank page); an explicit section block is kept even when empty.
 */
function splitSections(blocks: readonly DocumentBlock[]): SectionPlan[] {
  const sections: SectionPlan[] = [];
  let loose: BodyBlock[] = [];
  const flushLoose = () => {
    if (loose.some((block) => block.kind !== 'pageBreak')) sections.push({ orientation: 'portrait', blocks: loose });
    loose = [];
  };
  for (const block of blocks) {
    if (block.kind === 'section') {
      flushLoose();
      sections.push({ orientation: block.orientation, blocks: block.blocks });
    } else {
      loose.push(block);
    }
  }
  flushLoose();
  return sections.length > 0 ? sections : [{ orientation: 'portrait', blocks: [] }];
}

function sectionOptions(section: SectionPlan, index: number, settings: PageSettings, fonts: FontSet): ISectionOptions {
  const geometry = sectionGeometry(settings, section.orientation);
  const footers = pageNumberFooters(settings.pageNumberStyle, fonts);
  return {
    properties: {
      ...(index > 0 ? { type: SectionType.NEXT_PAGE } : {}),
      page: {
        // docx swaps width and height itself for landscape, so it is always given the portrait sheet.
        size: {
          width: A4_TWIPS.width,
          height: A4_TWIPS.height,
          orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...geometry.margin, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, ...geometry.grid },
    },
    footers: footers.even ? { default: footers.default, even: footers.even } : { default: footers.default },
    children: renderBody(section.blocks, { settings, fonts, textWidth: geometry.textWidth }),
  };
}

/**
 * The Normal style repeats the body look (font, 三号, condensed spacing, exact lines): LibreOffice and WPS read
 * several measures from Normal rather than from the document defaults, and text typed into Normal later matches.
 */
function normalStyle(settings: PageSettings, fonts: FontSet): IParagraphStyleOptions {
  return {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: runFonts(fonts.body), size: ptToHalfPoints(FONT_SIZE_PT.size3), characterSpacing: bodyCharacterSpacing(settings) },
    paragraph: { spacing: { line: ptToTwips(settings.lineSpacingPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
  };
}

/**
 * Document defaults mirror the body format, so text a user types into the exported file later still comes out as
 * 3号 仿宋 at the fixed spacing, and the grid's character pitch is computed against 三号 as layout.ts assumes.
 */
function documentDefaults(settings: PageSettings, fonts: FontSet) {
  return {
    default: {
      document: {
        run: {
          font: runFonts(fonts.body),
          size: ptToHalfPoints(FONT_SIZE_PT.size3),
          characterSpacing: bodyCharacterSpacing(settings),
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        paragraph: {
          spacing: { line: ptToTwips(settings.lineSpacingPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
    },
  };
}
