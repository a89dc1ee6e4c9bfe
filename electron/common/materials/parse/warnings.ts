// Bilingual warnings of the outline parser. Each function builds one warning kind (the guesses one table-driven
// builder), so the wording of a code lives in exactly one place.
import type { NodeId } from '../model';
import type { OutlineGuess, OutlineWarning } from '../outlineTypes';
import { isSpace } from './hardWrap';

interface At {
  nodeId?: NodeId;
  line?: number;
}

function at(where: At): At {
  const out: At = {};
  if (where.nodeId !== undefined) out.nodeId = where.nodeId;
  if (where.line !== undefined) out.line = where.line;
  return out;
}

/** The start of a text, to name it in a warning. */
export function excerpt(text: string): string {
  // The first 18 characters that are not white space, read no further (a problem's text may run to pages).
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (isSpace(ch.charCodeAt(0))) continue;
    if (n === 18) return `${out}……`;
    out += ch;
    n++;
  }
  return out;
}

/** What excerpt gives, by the plain code (the reference it is tested against). */
export function excerptByPattern(text: string): string {
  const t = text.replace(/\s+/g, '');
  return [...t].length > 18 ? `${[...t].slice(0, 18).join('')}……` : t;
}

/** What each guess tells the user, given the start of the text it was about. */
const GUESSES: Record<OutlineGuess, { zh: (text: string) => string; en: (text: string) => string }> = {
  'lead-in': {
    zh: (t) => `“${t}”没有编号，位于编号问题之前，已作为本方面的引言（不计入问题数）。如是一个问题，请点“作为问题”。`,
    en: (t) => `“${t}” has no number and precedes numbered problems; it was kept as the block's lead-in (not counted as a problem). If it is a problem, choose “As a problem”.`,
  },
  problem: {
    zh: (t) => `“${t}”没有编号，已作为本方面的一个问题（计入问题数）。如只是引言或概述，请点“作为引言”。`,
    en: (t) => `“${t}” has no number; it was counted as the block's one problem. If it only introduces the block, choose “As a lead-in”.`,
  },
  'run-in': {
    zh: (t) => `标题中方面之后的“${t}”已作为标题的一部分（不计入问题数）。如是一个问题，请点“作为问题”。`,
    en: (t) => `The text after the aspect in this heading, “${t}”, was kept in the heading (not counted). If it is a problem, choose “As a problem”.`,
  },
  continuation: {
    zh: (t) => `“${t}”没有编号，已并入上一个问题。如是另一个问题，请点“作为问题”。`,
    en: (t) => `“${t}” has no number and was added to the problem before it. If it is another problem, choose “As a problem”.`,
  },
};

export const warn = {
  emptyInput(): OutlineWarning {
    return {
      code: 'empty-input',
      severity: 'warning',
      message: { zh: '没有可识别的文字内容。', en: 'The input contains no text.' },
    };
  },

  noSections(): OutlineWarning {
    return {
      code: 'no-sections',
      severity: 'warning',
      message: {
        zh: '未识别到“一、”“（一）”等标题，全部文字已作为开头部分保留，请检查。',
        en: 'No headings such as 一、 or （一） were found; all text was kept as the opening. Please check.',
      },
    };
  },

  levelsShifted(found: string): OutlineWarning {
    return {
      code: 'levels-shifted',
      severity: 'info',
      message: {
        zh: `未发现“一、”级标题，已将“${found}”级标题作为一级标题处理。`,
        en: `No 一、 headings were found; headings written like “${found}” were taken as level 1.`,
      },
    };
  },

  sectionUnclassified(heading: string, where: At): OutlineWarning {
    return {
      code: 'section-unclassified',
      severity: 'warning',
      message: {
        zh: `未能识别“${heading}”属于哪一部分（问题、原因、措施等），已按原文段落保留。`,
        en: `Could not tell what the section “${heading}” is (problems, causes, measures…); its paragraphs were kept as written.`,
      },
      ...at(where),
    };
  },

  numberingGap(expected: string, found: string, where: At): OutlineWarning {
    return {
      code: 'numbering-gap',
      severity: 'warning',
      message: {
        zh: `编号不连续：此处应为“${expected}”，原文为“${found}”。未自动改号，请核对是否漏项。`,
        en: `Numbering gap: expected “${expected}” but found “${found}”. Nothing was renumbered; check for a missing item.`,
      },
      ...at(where),
    };
  },

  numberingDuplicate(expected: string, found: string, where: At): OutlineWarning {
    return {
      code: 'numbering-duplicate',
      severity: 'warning',
      message: {
        zh: `编号重复或倒序：此处应为“${expected}”，原文为“${found}”。未自动改号，请核对。`,
        en: `Numbering repeats or goes backwards: expected “${expected}” but found “${found}”. Nothing was renumbered; please check.`,
      },
      ...at(where),
    };
  },

  numberingUnrecognised(numberText: string, where: At): OutlineWarning {
    return {
      code: 'numbering-unrecognised',
      severity: 'info',
      message: {
        zh: `无法识别 Word 自动编号“${numberText}”，已按其列表级别处理。`,
        en: `Word's automatic number “${numberText}” was not recognised; its list level was used instead.`,
      },
      ...at(where),
    };
  },

  pageFurnitureRemoved(text: string, where: At): OutlineWarning {
    return {
      code: 'page-furniture-removed',
      severity: 'info',
      message: {
        zh: `已删除页码或目录行“${text}”。`,
        en: `Removed a page number or table-of-contents line: “${text}”.`,
      },
      ...at(where),
    };
  },

  /**
   * Where the parser had to guess (see GUESSES): what it chose for `text`. `part` names the paragraph of the item's
   * text for a 'continuation'.
   */
  guess(guess: OutlineGuess, text: string, where: At, part?: number): OutlineWarning {
    const quoted = excerpt(text);
    return {
      code: `guess-${guess}`,
      severity: 'warning',
      guess,
      ...(part === undefined ? {} : { part }),
      message: { zh: GUESSES[guess].zh(quoted), en: GUESSES[guess].en(quoted) },
      ...at(where),
    };
  },

  linesJoined(count: number): OutlineWarning {
    return {
      code: 'lines-joined',
      severity: 'info',
      message: {
        zh: `检测到从 PDF 等复制的硬换行文字，已将 ${count} 处换行重新拼接成段。`,
        en: `The text looks hard-wrapped (e.g. copied from a PDF); ${count} line breaks were joined back into paragraphs.`,
      },
    };
  },
};
