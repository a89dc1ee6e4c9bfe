import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['electron', 'db', 'seeds', 'harness', 'renderer', 'scripts', 'tests', 'bench', 'e2e', 'docs'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|vue|md|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Code cites the domain knowledge as `domain.md §N` (optionally `step K` of §6): each must exist in docs/domain.md. */
it('every domain.md reference in the code names a section of docs/domain.md', () => {
  const domain = fs.readFileSync(path.join(ROOT, 'docs', 'domain.md'), 'utf8');
  const sections = new Map<string, string>();
  for (const part of domain.split(/^(?=## \d+\. )/m)) {
    const number = /^## (\d+)\. /.exec(part)?.[1];
    if (number) sections.set(number, part);
  }
  const references: { file: string; section: string; steps: string[] }[] = [];
  for (const file of FOLDERS.flatMap((f) => sourceFiles(path.join(ROOT, f)))) {
    if (file.endsWith(path.join('docs', 'domain.md'))) continue;
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/domain\.md §(\d+)(?: steps? (\d+)(?:–(\d+))?)?/g)) {
      references.push({ file: path.relative(ROOT, file), section: match[1], steps: [match[2], match[3]].filter(Boolean) });
    }
  }
  expect(references.length).toBeGreaterThanOrEqual(20);
  for (const ref of references) {
    const section = sections.get(ref.section);
    expect(section, `${ref.file} cites domain.md §${ref.section}`).toBeDefined();
    for (const step of ref.steps) expect(section, `${ref.file} cites §${ref.section} step ${step}`).toMatch(new RegExp(`^${step}\\. `, 'm'));
  }
  expect(fs.readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8')).not.toContain('../shared/domain.md');
});
