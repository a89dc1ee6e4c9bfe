/**
 * The render check kit: exported .docx/.xlsx files are opened by a real office suite (LibreOffice, headless),
 * converted to PDF and read back as a reader sees them (poppler: pdfinfo, pdftotext, pdftoppm). What the XML says is
 * not proof; what the page shows is.
 *
 * One soffice invocation converts a whole batch (starting LibreOffice costs seconds), with a private profile per run
 * so parallel test processes never share or lock one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const INSTALL_HINT =
  '渲染检查需要 LibreOffice 与 poppler-utils / The render checks need LibreOffice and poppler-utils: ' +
  'apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils (.ci/run installs them)';

/** Throws, never skips: a render test that does not run proves nothing. */
export function requireOfficeTools(): void {
  const missing = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm'].filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error);
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not found. ${INSTALL_HINT}`);
}

export interface RenderedPage {
  readonly number: number;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly landscape: boolean;
  /** pdftotext -layout of the page. */
  readonly text: string;
  /** Text lines of the page in reading order, each with its vertical position and the characters it holds. */
  readonly lines: readonly TextLine[];
}

export interface TextLine {
  /** Top of the line in points from the page top. */
  readonly top: number;
  readonly left: number;
  readonly right: number;
  /** Height of the line box in points (about the font size). */
  readonly height: number;
  /** The line's words joined without spaces (CJK has none between words). */
  readonly text: string;
}

export interface RenderedFile {
  readonly name: string;
  readonly source: string;
  readonly pdf: string;
  /** Page 1 at 60 dpi, for a human to look at. */
  readonly png: string;
  readonly pages: readonly RenderedPage[];
}

export interface RenderInput {
  /** Unique name for the batch, used for the PDF and PNG file names (no extension). */
  readonly name: string;
  readonly file: string;
}

/**
 * Converts every file of the batch to PDF in one LibreOffice run and reads the pages back. Artifacts (copy of the
 * source, PDF, PNG of page 1) go to `outDir`.
 */
export function renderFiles(inputs: readonly RenderInput[], outDir: string): RenderedFile[] {
  requireOfficeTools();
  fs.mkdirSync(outDir, { recursive: true });
  const sources = inputs.map((input) => {
    const target = path.join(outDir, `${input.name}${path.extname(input.file)}`);
    fs.copyFileSync(input.file, target);
    return target;
  });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-lo-profile-'));
  try {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...sources],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr || result.stdout}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return inputs.map((input, i) => {
    const pdf = path.join(outDir, `${input.name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${input.name} (${input.file})`);
    const png = path.join(outDir, `${input.name}-p1`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    return { name: input.name, source: sources[i], pdf, png: `${png}.png`, pages: readPages(pdf) };
  });
}

function readPages(pdf: string): RenderedPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ number: Number(m[1]), width: Number(m[2]), height: Number(m[3]) }));
  const texts = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  const lines = bboxLines(execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return sizes.map((size, i) => ({
    number: size.number,
    widthPt: size.width,
    heightPt: size.height,
    landscape: size.width > size.height,
    text: texts[i] ?? '',
    lines: lines[i] ?? [],
  }));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Lines per page from pdftotext's bbox XHTML (page → flow → block → line → word). */
function bboxLines(xhtml: string): TextLine[][] {
  return xhtml.split(/<page /).slice(1).map((page) => {
    const lines: TextLine[] = [];
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]));
      lines.push({ left: Number(m[1]), top: Number(m[2]), right: Number(m[3]), height: Number(m[4]) - Number(m[2]), text: words.join('') });
    }
    return lines.sort((a, b) => a.top - b.top || a.left - b.left);
  });
}

/** Characters that take a full grid cell (CJK, full-width punctuation). */
export function countChars(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

/**
 * Visual rows of a page: pdftotext may cut one printed line into several lines (table cells, a run in another font);
 * lines whose tops are within `tolerance` points belong to one row, joined left to right.
 */
export function visualRows(page: RenderedPage, tolerance = 3): TextLine[] {
  const rows: TextLine[] = [];
  for (const line of page.lines) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.top - line.top) <= tolerance) {
      rows[rows.length - 1] = { top: last.top, left: Math.min(last.left, line.left), right: Math.max(last.right, line.right), height: Math.max(last.height, line.height), text: last.left <= line.left ? last.text + line.text : line.text + last.text };
    } else rows.push(line);
  }
  return rows;
}

/** 「— 3 —」 as GB/T 9704 prints it (em dash or a full-width dash, any spacing). */
export function pageNumberOf(page: RenderedPage): number | null {
  const last = page.text.split('\n').filter((l) => l.trim()).slice(-3);
  // The footer line alone first (「— 1 —」 and nothing else), from the bottom up: body text such as 「SHA-256 -」 must not pass for it.
  for (const line of [...last].reverse()) {
    const alone = /^\s*[—－-]\s*(\d+)\s*[—－-]\s*$/.exec(line);
    if (alone) return Number(alone[1]);
  }
  const m = /[—－-]\s*(\d+)\s*[—－-]/.exec(last.join('\n'));
  return m ? Number(m[1]) : null;
}
