// Turning raw input into the paragraphs the outline builder walks: page furniture dropped, lines
// re-joined where a PDF hard-wrapped them (pasted text, or a PDF converted to Word with one
// paragraph per printed line), Word paragraphs split at manual breaks. Every join is reported, so
// the preview can show it and the user can undo it (ParseOutlineOptions.keepBreaks).
import type { OutlineJoin, OutlineParagraph, OutlineWarning } from '../outlineTypes';
import { detectWrap, displayWidth, indentWidth, isFullLine, isOverlong, isWrappedLine, joinGlue, type Wrap } from './hardWrap';
import { isPageFurniture, runningTitles } from './furniture';
import { matchHeadingMarker, startsWithHeadingMarker } from './markers';
import { normalizeForMatching, normalizeOnly, type NormalizedText } from './normalize';
import { warn } from './warnings';

export interface SourceParagraph {
  /** Original text, trimmed. */
  text: string;
  nt: NormalizedText;
  /** 1-based line (text input) or paragraph number (paragraph list) where it starts. */
  line: number;
  /** Word's automatic number, which is not part of `text`. */
  auto?: OutlineParagraph['numbering'];
  outlineLevel?: number;
  /** Line breaks removed inside this paragraph: offset in `text` where the joined line starts. */
  breaks: Array<{ join: OutlineJoin; offset: number }>;
}

interface Line {
  raw: string;
  norm: string;
  width: number;
  indent: number;
  blank: boolean;
  furniture: boolean;
  /** 1-based position among all lines (text) or pieces (paragraph list): the key of keepBreaks. */
  at: number;
  /** 1-based line (text) or paragraph (list) shown in warnings. */
  line: number;
  /** Word numbering or an outline level: always starts a paragraph. */
  auto?: OutlineParagraph['numbering'];
  outlineLevel?: number;
}

export interface ParagraphOptions {
  keepBreaks?: ReadonlySet<number>;
}

export interface Paragraphs {
  paragraphs: SourceParagraph[];
  joins: OutlineJoin[];
}

function makeLine(raw: string, at: number, line: number): Line {
  const clean = raw.includes('\f') ? raw.replace(/\f/g, '') : raw;
  const norm = normalizeOnly(clean);
  return { raw: clean, norm, width: 0, indent: indentWidth(clean), blank: norm.trim() === '', furniture: false, at, line };
}

export function paragraphsFromText(input: string, warnings: OutlineWarning[], options: ParagraphOptions = {}): Paragraphs {
  const lines = input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => makeLine(raw, i + 1, i + 1));
  return joinLines(lines, warnings, options);
}

export function paragraphsFromList(list: OutlineParagraph[], warnings: OutlineWarning[], options: ParagraphOptions = {}): Paragraphs {
  const lines: Line[] = [];
  list.forEach((p, index) => {
    // A manual line break (Shift+Enter) is often used as a paragraph break, or as the line end of a
    // PDF converted to Word; the first piece keeps the paragraph's numbering and outline level.
    p.text.split(/\r\n|\r|\n/).forEach((piece, k) => {
      const l = makeLine(piece, lines.length + 1, index + 1);
      if (k === 0) {
        if (p.numbering && p.numbering.text.trim() !== '') l.auto = p.numbering;
        if (p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < 9) l.outlineLevel = p.outlineLevel;
      }
      lines.push(l); // an empty Word paragraph is a blank line
    });
  });
  return joinLines(lines, warnings, options);
}

function joinLines(lines: Line[], warnings: OutlineWarning[], options: ParagraphOptions): Paragraphs {
  const content = lines.filter((l) => !l.blank);
  let margin = content.length > 0 ? Infinity : 0;
  for (const l of content) margin = Math.min(margin, l.indent);
  for (const l of lines) l.width = Math.max(0, displayWidth(l.raw) - margin);
  const candidates = content.filter((l) => !l.auto && !isPageFurniture(l.raw, l.norm, false));
  const wrap = detectWrap(candidates);
  markFurniture(lines, wrap, warnings);
  // An indented line starts a paragraph when indentation is what marks paragraphs (some lines are
  // indented, not all of them).
  const body = lines.filter((l) => !l.blank && !l.furniture);
  const indented = body.filter((l) => l.indent >= margin + 1).length;
  const indentMarks = indented >= 2 && indented < body.length * 0.8 ? margin + 1 : Infinity;

  const keep = options.keepBreaks ?? new Set<number>();
  const paragraphs: SourceParagraph[] = [];
  const joins: OutlineJoin[] = [];
  let current: { parts: string[]; length: number; first: Line; last: Line; breaks: Array<{ join: OutlineJoin; offset: number }> } | null = null;
  const flush = () => {
    if (current) {
      const text = current.parts.length === 1 ? current.parts[0] : current.parts.join('');
      const p = makeParagraph(text, current.first);
      if (current.breaks.length > 0) {
        const lead = text.length - text.trimStart().length;
        p.breaks = current.breaks.map((b) => ({ ...b, offset: b.offset - lead }));
      }
      if (p.text !== '') paragraphs.push(p);
    }
    current = null;
  };
  for (const l of lines) {
    if (l.furniture) continue;
    if (l.blank) {
      flush();
      continue;
    }
    if (current && !keep.has(l.at) && joinsPrevious(current.last, l, wrap, indentMarks, paragraphs.length === 0 && current.parts.length === 1)) {
      const parts: string[] = current.parts;
      const before = parts[parts.length - 1];
      const trimmed = before.trimEnd();
      parts[parts.length - 1] = trimmed;
      current.length -= before.length - trimmed.length;
      const piece = joinGlue(before, l.raw) + l.raw.trimStart();
      const offset = current.length;
      const join: OutlineJoin = { at: l.at, line: l.line, before: tail(trimmed), after: head(piece) };
      parts.push(piece);
      current.length += piece.length;
      current.breaks.push({ join, offset });
      current.last = l;
      joins.push(join);
      continue;
    }
    flush();
    current = { parts: [l.raw], length: l.raw.length, first: l, last: l, breaks: [] };
  }
  flush();
  if (joins.length > 0) warnings.push(warn.linesJoined(joins.length));
  return { paragraphs, joins };
}

function makeParagraph(text: string, first: Line): SourceParagraph {
  const trimmed = text.trim();
  const p: SourceParagraph = { text: trimmed, nt: normalizeForMatching(trimmed), line: first.line, breaks: [] };
  if (first.auto) p.auto = first.auto;
  if (first.outlineLevel !== undefined) p.outlineLevel = first.outlineLevel;
  return p;
}

const tail = (s: string) => s.trimEnd().slice(-12);
const head = (s: string) => s.trimStart().slice(0, 12);

/**
 * Whether `line` continues the paragraph whose last line is `previous`: a hard-wrapped fragment, or
 * the text of a heading whose number PDF copy put on a line of its own (一、 / 存在的问题). A line
 * that starts with a heading marker, carries Word numbering or starts an indented paragraph always
 * starts a paragraph.
 */
function joinsPrevious(previous: Line, line: Line, wrap: Wrap | null, indentMarks: number, first: boolean): boolean {
  if (line.auto || line.outlineLevel !== undefined || startsWithHeadingMarker(line.norm)) return false;
  if (isBareMarker(previous.norm) && !previous.auto) return true;
  if (wrap === null || line.indent >= indentMarks || isOverlong(previous.width, wrap)) return false;
  // The first line of a copy that reads like a title (…对照检查材料) was centred, not wrapped.
  if (first && TITLE_END.test(previous.norm.trimEnd())) return false;
  // Where indentation marks paragraphs, a full line followed by an unindented one continues even
  // when it happens to end with 。 at the margin.
  if (indentMarks !== Infinity && isFullLine(previous.width, wrap)) return true;
  return isWrappedLine(previous.norm, previous.width, wrap);
}

const TITLE_END = /(?:材料|发言|发言提纲|报告|剖析|讲话)$/;

function isBareMarker(norm: string): boolean {
  const t = norm.trim();
  const m = matchHeadingMarker(t);
  return m !== null && m.end >= t.length;
}

// Furniture lines are dropped together with the blank lines around them, so a paragraph broken by
// a page footer can be joined again.
function markFurniture(lines: Line[], wrap: Wrap | null, warnings: OutlineWarning[]): void {
  for (const l of lines) {
    if (!l.blank && !l.auto && isPageFurniture(l.raw, l.norm, wrap !== null)) l.furniture = true;
  }
  if (wrap !== null) for (const i of runningTitles(lines, (l) => isWrappedLine(l.norm, l.width, wrap))) lines[i].furniture = true;
  for (const l of lines) if (l.furniture) warnings.push(warn.pageFurnitureRemoved(l.raw.trim(), { line: l.line }));
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].furniture) continue;
    for (let j = i - 1; j >= 0 && !lines[j].furniture && lines[j].blank; j--) lines[j].furniture = true;
    for (let j = i + 1; j < lines.length && !lines[j].furniture && lines[j].blank; j++) lines[j].furniture = true;
  }
}
