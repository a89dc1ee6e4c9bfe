// Turning raw input into the paragraphs the outline builder walks: lines of pasted text re-joined
// where a PDF hard-wrapped them, page furniture dropped, Word paragraphs split at manual breaks.
import type { OutlineParagraph, OutlineWarning } from '../outlineTypes';
import { continuesOnNextLine, detectWrapWidth, displayWidth, joinGlue } from './hardWrap';
import { isPageFurniture } from './furniture';
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
}

function makeParagraph(text: string, line: number): SourceParagraph {
  const trimmed = text.trim();
  return { text: trimmed, nt: normalizeForMatching(trimmed), line };
}

interface Line {
  raw: string;
  norm: string;
  width: number;
  furniture: boolean;
}

export function paragraphsFromText(input: string, warnings: OutlineWarning[]): SourceParagraph[] {
  const rawLines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: Line[] = rawLines.map((raw) => ({
    raw,
    norm: normalizeOnly(raw),
    width: displayWidth(raw),
    furniture: false,
  }));
  const wrapWidth = detectWrapWidth(lines.filter((l) => l.norm.trim() !== ''));

  markFurniture(lines, wrapWidth !== null, warnings);

  const out: SourceParagraph[] = [];
  let current: { parts: string[]; line: number; last: Line } | null = null;
  let joins = 0;
  const flush = () => {
    if (current) out.push(makeParagraph(current.parts.join(''), current.line));
    current = null;
  };
  lines.forEach((l, index) => {
    if (l.furniture) return;
    if (l.norm.trim() === '') {
      flush();
      return;
    }
    if (current && joinsPrevious(current.last, l, wrapWidth)) {
      const before = current.parts[current.parts.length - 1];
      current.parts[current.parts.length - 1] = before.trimEnd();
      current.parts.push(joinGlue(before, l.raw) + l.raw.trimStart());
      current.last = l;
      joins++;
      return;
    }
    flush();
    current = { parts: [l.raw], line: index + 1, last: l };
  });
  flush();
  if (joins > 0) warnings.push(warn.linesJoined(joins));
  return out;
}

/**
 * Whether `line` continues the paragraph whose last line is `previous`: a hard-wrapped fragment, or
 * the text of a heading whose number PDF copy put on a line of its own (一、 / 存在的问题). A line
 * that starts with a heading marker always starts a paragraph.
 */
function joinsPrevious(previous: Line, line: Line, wrapWidth: number | null): boolean {
  if (startsWithHeadingMarker(line.norm)) return false;
  if (isBareMarker(previous.norm)) return true;
  return wrapWidth !== null && continuesOnNextLine(previous.norm, previous.width, wrapWidth);
}

function isBareMarker(norm: string): boolean {
  const t = norm.trim();
  const m = matchHeadingMarker(t);
  return m !== null && m.end >= t.length;
}

// Furniture lines are dropped together with the blank lines around them, so a paragraph broken by
// a page footer can be joined again.
function markFurniture(lines: Line[], hardWrapped: boolean, warnings: OutlineWarning[]): void {
  lines.forEach((l, index) => {
    if (!isPageFurniture(l.raw, l.norm, hardWrapped)) return;
    l.furniture = true;
    warnings.push(warn.pageFurnitureRemoved(l.raw.trim(), { line: index + 1 }));
  });
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].furniture) continue;
    for (let j = i - 1; j >= 0 && !lines[j].furniture && lines[j].norm.trim() === ''; j--) lines[j].furniture = true;
    for (let j = i + 1; j < lines.length && !lines[j].furniture && lines[j].norm.trim() === ''; j++) {
      lines[j].furniture = true;
    }
  }
}

export function paragraphsFromList(list: OutlineParagraph[], warnings: OutlineWarning[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  list.forEach((p, index) => {
    // A manual line break (Shift+Enter) is often used as a paragraph break; the first piece keeps
    // the paragraph's numbering and outline level.
    p.text.split(/\r\n|\r|\n/).forEach((piece, k) => {
      const para = makeParagraph(piece, index + 1);
      if (k === 0) {
        if (p.numbering && p.numbering.text.trim() !== '') para.auto = p.numbering;
        if (p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < 9) para.outlineLevel = p.outlineLevel;
      }
      if (para.text === '') return;
      if (!para.auto && isPageFurniture(piece, para.nt.norm, false)) {
        warnings.push(warn.pageFurnitureRemoved(para.text, { line: index + 1 }));
        return;
      }
      out.push(para);
    });
  });
  return out;
}
