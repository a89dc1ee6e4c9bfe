// Test support (corpus test, bench): the materials of fixtures/corpus, each with its expected structure, and the import
// paths a material reaches the parser by — pasted text, .txt in UTF-8 and GBK, .docx with typed numbers, with Word
// automatic numbering, and with one paragraph per printed line (a PDF converted to Word).
//
// Expected structures live in `NN-name.expected.txt` (the outline of testing.ts, then the warnings that ask the user
// to check, each with the row it sits on). A PDF copy `NN-pdf-MM-….txt` expects the structure of material MM.
// Regenerate after a reviewed parser change: `npx tsx electron/handlers/materials/corpus.ts --write`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { locate, parseOutline, type Material, type OutlineWarning } from '../../common/materials';
import { outline } from '../../common/materials/testing';
import { numberedDocx, type DocxParagraph } from './testDocx';

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../common/materials/fixtures/corpus');

export interface CorpusMaterial {
  name: string;
  text: string;
  /** The material whose expected structure this one must have (itself, or the source of a PDF copy). */
  expectedFrom: string;
  /** A PDF copy: hard-wrapped with page furniture. */
  pdfCopy: boolean;
}

export function corpus(): CorpusMaterial[] {
  const names = fs.readdirSync(CORPUS_DIR).filter((f) => /^\d\d-.*\.txt$/.test(f) && !f.endsWith('.expected.txt')).sort();
  return names.map((name) => {
    const pdf = /^\d\d-pdf-(\d\d)-/.exec(name);
    const expectedFrom = pdf ? names.find((n) => n.startsWith(`${pdf[1]}-`))! : name;
    return { name, text: fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8'), expectedFrom, pdfCopy: pdf !== null };
  });
}

export function expectedPath(name: string): string {
  return path.join(CORPUS_DIR, name.replace(/\.txt$/, '.expected.txt'));
}

/** The structure to compare: the outline, then each warning that asks for a check, on its row. */
export function corpusView(material: Material, warnings: OutlineWarning[]): string {
  const checks = warnings
    .filter((w) => w.severity === 'warning')
    .map((w) => `! ${w.code}${w.guess ? `/${w.guess}` : ''} @ ${rowText(material, w)}`);
  return [outline(material), '--', ...checks].join('\n') + '\n';
}

function rowText(material: Material, w: OutlineWarning): string {
  if (!w.nodeId) return '-';
  const at = locate(material, w.nodeId);
  if (!at) return '?';
  const node = at.list[at.index];
  const text = node.type === 'section' || node.type === 'aspect' ? node.heading : node.type === 'item' ? node.heading + node.text : node.text;
  return [...text.replace(/\s+/g, '')].slice(0, 16).join('');
}

// ── import paths ───────────────────────────────────────────────────────────────────────────────

export type ImportPath = 'paste' | 'txt-utf8' | 'txt-gbk' | 'docx-plain' | 'docx-numbered' | 'docx-lines';
export const IMPORT_PATHS: ImportPath[] = ['paste', 'txt-utf8', 'txt-gbk', 'docx-plain', 'docx-numbered', 'docx-lines'];

export type ParseInput = { source: 'text'; text: string } | { source: 'file'; name: string; bytes: Uint8Array<ArrayBuffer> };

export async function importInput(m: CorpusMaterial, via: ImportPath): Promise<ParseInput> {
  const base = m.name.replace(/\.txt$/, '');
  const lines = m.text.replace(/\n$/, '').split('\n');
  switch (via) {
    case 'paste':
      return { source: 'text', text: m.text };
    case 'txt-utf8':
      return { source: 'file', name: `${base}.txt`, bytes: new Uint8Array(Buffer.from(`\uFEFF${m.text}`, 'utf8')) };
    case 'txt-gbk': {
      const text = m.text.replace(/\n/g, '\r\n');
      const bytes = iconv.encode(text, 'gbk');
      if (iconv.decode(bytes, 'gbk') !== text) throw new Error(`${m.name} has characters GBK cannot hold`);
      return { source: 'file', name: `${base}.txt`, bytes: new Uint8Array(bytes) };
    }
    case 'docx-plain':
      return { source: 'file', name: `${base}.docx`, bytes: await numberedDocx(lines) };
    case 'docx-numbered':
      return { source: 'file', name: `${base}.docx`, bytes: await numberedDocx(lines.map(autoNumbered)) };
    case 'docx-lines':
      // A PDF copy is already one line per printed line; a clean text is printed first, as a converter would see it.
      return { source: 'file', name: `${base}.docx`, bytes: await numberedDocx(m.pdfCopy ? lines : lines.flatMap((l) => printLines(l, 28))) };
  }
}

const HEADING = [/^[一二三四五六七八九十]{1,3}、/, /^[（(][一二三四五六七八九十]{1,3}[）)]/, /^\d{1,2}\.(?!\d)/, /^[（(]\d{1,2}[）)]/];

/** The typed heading number becomes Word automatic numbering (一、 （一） 1. （1）), as when the author used a list style. */
function autoNumbered(line: string): DocxParagraph {
  const trimmed = line.replace(/^[\s\u3000]+/, '');
  for (const [level, re] of HEADING.entries()) {
    const m = re.exec(trimmed);
    if (m) return { text: trimmed.slice(m[0].length), level };
  }
  return line;
}

const NO_LINE_START = '，。、；：？！”）》,.;:?!)';

/** A paragraph as a GB/T 9704 page prints it: 2-character indent, `width` characters a line; short lines (titles, headings) stay whole. */
export function printLines(paragraph: string, width: number): string[] {
  if ([...paragraph].length <= 40 && !/[。；：！？]$/.test(paragraph)) return [paragraph];
  const out: string[] = [];
  let line = '\u3000\u3000';
  let used = 2;
  for (const ch of paragraph) {
    const w = ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
    if (used + w > width && line.trim() !== '' && !NO_LINE_START.includes(ch)) {
      out.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line !== '') out.push(line);
  return out;
}

// Writes the expected files from the parser's current output (review the diff before committing).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && process.argv.includes('--write')) {
  for (const m of corpus()) {
    if (m.expectedFrom !== m.name) continue;
    const { material, warnings } = parseOutline(m.text);
    fs.writeFileSync(expectedPath(m.name), corpusView(material, warnings));
  }
}
