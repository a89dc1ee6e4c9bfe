/**
 * A material as GB/T 9704 blocks: the same paragraphs as the text export (toLines), so Word, the plain text and the
 * editor's preview never disagree. Title in 小标宋 with the author's name line under it; 一、 headings in 黑体 on their
 * own line; （一） in 楷体, run in (only the heading sentence in 楷体) where the source ran in; 1./（1） in 仿宋; items
 * as body paragraphs with their 一是… written inline; and a date line at the end.
 */
import type { DocumentBlock } from '../../documents/gbt9704';
import { formatChineseDate } from '../../documents/gbt9704';
import { lineText, toLines, type Material } from '../../common/materials';

const SENTENCE_END = /[。！？!?]$/;
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
const DATE_LINE = /^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$/;

export interface MaterialDocumentOptions {
  /** The member's name, or the team's name for the 班子 material. */
  author: string;
  /** yyyy-mm-dd of the date line; left out when the material already ends with (or its title holds) a date. */
  date: string;
}

export function materialBlocks(material: Material, options: MaterialDocumentOptions): DocumentBlock[] {
  const lines = toLines(material);
  const titles = lines.filter((l) => l.kind === 'title').map((l) => l.text);
  const body = lines.filter((l) => l.kind !== 'title');
  const blocks: DocumentBlock[] = [];

  const titleLines = titles.filter((t, i) => i === 0 || !isByline(t, options.author));
  if (titleLines.length > 0) blocks.push({ kind: 'title', text: titleLines.join('\n') });
  const bylines = titles.filter((t, i) => i > 0 && isByline(t, options.author));
  const named = titles.some((t) => t.includes(options.author));
  for (const b of bylines) blocks.push({ kind: 'author', text: b.trim() });
  if (!named && options.author !== '') blocks.push({ kind: 'author', text: options.author });
  if (blocks.length > 0) blocks.push({ kind: 'blankLine' });

  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    const next = body[i + 1];
    if (line.kind === 'heading') {
      const heading = line.lead + line.marker + line.heading;
      if (line.level === 1) {
        blocks.push({ kind: 'heading1', text: heading });
        if (line.text !== '') blocks.push({ kind: 'paragraph', text: line.text });
      } else if (line.level === 2) {
        // 「（一）在……方面。一是……」: a heading that ends a sentence runs into the paragraph after it, as written.
        if (line.text === '' && SENTENCE_END.test(line.heading) && next?.kind === 'body' && !isDateLine(lineText(next))) {
          blocks.push({ kind: 'heading2', heading, body: lineText(next) });
          i++;
        } else {
          blocks.push({ kind: 'heading2', heading, ...(line.text !== '' ? { body: line.text } : {}) });
        }
      } else {
        blocks.push({ kind: line.level === 3 ? 'heading3' : 'heading4', heading, ...(line.text !== '' ? { body: line.text } : {}) });
      }
      continue;
    }
    const text = lineText(line);
    if (text.trim() === '') continue;
    if (isDateLine(text) && i === body.length - 1) blocks.push({ kind: 'plain', text: text.trim(), align: 'right', rightIndentChars: 4 });
    else blocks.push({ kind: 'paragraph', text });
  }

  const dated = titles.some((t) => DATE.test(t)) || (body.length > 0 && isDateLine(lineText(body[body.length - 1])));
  if (!dated) blocks.push({ kind: 'blankLine' }, { kind: 'plain', text: formatChineseDate(options.date), align: 'right', rightIndentChars: 4 });
  return blocks;
}

/** A title-block line under the title that names the author, dates the material or is set off by brackets or dashes. */
function isByline(line: string, author: string): boolean {
  const t = line.trim();
  return /^[（(—–-]/.test(t) || DATE.test(t) || (author !== '' && t.includes(author)) || /\S[\s\u3000]{2,}\S/.test(t);
}

function isDateLine(text: string): boolean {
  return DATE_LINE.test(text.trim());
}
