// A material laid out as it prints (GB/T 9704, domain.md §7): the paragraphs of toLines, each with its role. The
// Word export turns these blocks into a .docx and the editor's live preview draws them on an A4 page, so the two
// never disagree. Title in 小标宋 with the author's name line under it; 一、 in 黑体 on its own line; （一） in 楷体,
// run in (only the heading sentence in 楷体) where the source ran in; 1./（1） in 仿宋; items as body paragraphs
// with their 一是… written inline; a date line at the end.
import type { Material, NodeId } from './model';
import { lineText, toLines } from './toText';

export type PrintBlock =
  | { kind: 'title'; text: string }
  | { kind: 'author'; text: string }
  | { kind: 'blankLine' }
  | { kind: 'heading1'; text: string; nodeId: NodeId | null }
  | { kind: 'heading2' | 'heading3' | 'heading4'; heading: string; body: string; nodeId: NodeId | null; bodyNodeId?: NodeId | null }
  | { kind: 'paragraph'; text: string; nodeId: NodeId | null }
  | { kind: 'date'; text: string };

export interface PrintOptions {
  /** The member's name, or the team's name for the 班子 material. */
  author: string;
  /** yyyy-mm-dd of the date line; left out when the material already ends with (or its title holds) a date. */
  date: string;
}

const SENTENCE_END = /[。！？!?]$/;
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
const DATE_LINE = /^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$/;

/** 2026-01-05 → 2026年1月5日 (Arabic digits, no leading zeros). */
export function printedDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function printLayout(material: Material, options: PrintOptions): PrintBlock[] {
  const lines = toLines(material);
  const titles = lines.filter((l) => l.kind === 'title').map((l) => l.text);
  const body = lines.filter((l) => l.kind !== 'title');
  const blocks: PrintBlock[] = [];

  const titleLines = titles.filter((t, i) => i === 0 || !isByline(t, options.author));
  if (titleLines.length > 0) blocks.push({ kind: 'title', text: titleLines.join('\n') });
  for (const b of titles.filter((t, i) => i > 0 && isByline(t, options.author))) blocks.push({ kind: 'author', text: b.trim() });
  if (options.author !== '' && !titles.some((t) => t.includes(options.author))) blocks.push({ kind: 'author', text: options.author });
  if (blocks.length > 0) blocks.push({ kind: 'blankLine' });

  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    const next = body[i + 1];
    if (line.kind === 'heading') {
      const heading = line.lead + line.marker + line.heading;
      if (line.level === 1) {
        blocks.push({ kind: 'heading1', text: heading, nodeId: line.nodeId });
        if (line.text !== '') blocks.push({ kind: 'paragraph', text: line.text, nodeId: line.nodeId });
      } else if (line.level === 2 && line.text === '' && SENTENCE_END.test(line.heading) && next?.kind === 'body' && !isDateLine(lineText(next))) {
        // 「（一）在……方面。一是……」: a heading that ends a sentence runs into the paragraph after it, as written.
        blocks.push({ kind: 'heading2', heading, body: lineText(next), nodeId: line.nodeId, bodyNodeId: next.nodeId });
        i++;
      } else {
        const kind = line.level === 2 ? 'heading2' : line.level === 3 ? 'heading3' : 'heading4';
        blocks.push({ kind, heading, body: line.text, nodeId: line.nodeId });
      }
      continue;
    }
    const text = lineText(line);
    if (text.trim() === '') continue;
    if (isDateLine(text) && i === body.length - 1) blocks.push({ kind: 'date', text: text.trim() });
    else blocks.push({ kind: 'paragraph', text, nodeId: line.nodeId });
  }

  const dated = titles.some((t) => DATE.test(t)) || (body.length > 0 && isDateLine(lineText(body[body.length - 1])));
  if (!dated) blocks.push({ kind: 'blankLine' }, { kind: 'date', text: printedDate(options.date) });
  return blocks;
}

/** A title-block line under the title that names the author, dates the material or is set off by brackets or dashes. */
function isByline(line: string, author: string): boolean {
  const t = line.trim();
  return /^[（(—–-]/.test(t) || DATE.test(t) || (author !== '' && t.includes(author)) || /\S[\s\u3000]{2,}\S/.test(t) || /\S\u3000\S/.test(t);
}

function isDateLine(text: string): boolean {
  return DATE_LINE.test(text.trim());
}
