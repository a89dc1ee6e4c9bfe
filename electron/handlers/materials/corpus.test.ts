// The corpus (issue 14 §4): every material, by every import path, through the real materials.parse handler, must
// give its expected structure — blocks, problems, lead-ins, run-ins, examples — and each guess must be a warning on
// its row. A PDF copy must give the structure of the clean material it was printed from.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutline, switchGuess, guessAction, problemItems } from '../../common/materials';
import { openTestApp, type TestApp } from '../testing';
import { corpus, corpusView, expectedPath, importInput, IMPORT_PATHS, printLines } from './corpus';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

const materials = corpus();

describe('the corpus', () => {
  it('has at least 20 materials, PDF copies among them, each with an expected structure', () => {
    expect(materials.length).toBeGreaterThanOrEqual(20);
    expect(materials.filter((m) => m.pdfCopy).length).toBeGreaterThanOrEqual(4);
    for (const m of materials) expect(fs.existsSync(expectedPath(m.expectedFrom)), m.name).toBe(true);
  });
});

const cases = materials.flatMap((m) => IMPORT_PATHS.filter((via) => !(m.pdfCopy && via === 'docx-numbered')).map((via) => [m.name, via] as const));

describe.each(cases)('%s via %s', (name, via) => {
  const m = materials.find((x) => x.name === name)!;

  it('parses to the expected structure, every guess a warning on its row', async () => {
    const preview = await app.must('materials.parse', await importInput(m, via));
    const expected = fs.readFileSync(expectedPath(m.expectedFrom), 'utf8');
    expect(corpusView(preview.material, preview.warnings)).toBe(expected);
    // Page furniture is gone from the text, and a PDF copy's joins are shown.
    expect(JSON.stringify(preview.material)).not.toMatch(/— \d+ —|第\d+页 共\d+页/);
    if (m.pdfCopy || via === 'docx-lines') expect(preview.joins.length).toBeGreaterThan(0);
    else expect(preview.joins).toEqual([]);
  });
});

describe('switching a guess', () => {
  it('turns each guess of the corpus around in one step, and the problem count follows', () => {
    for (const m of materials.filter((x) => !x.pdfCopy)) {
      const { material, warnings } = parseOutline(m.text);
      for (const w of warnings.filter((x) => x.guess)) {
        const copy = structuredClone(material);
        const before = problemItems(copy).length;
        const action = guessAction(copy, w);
        expect(action, `${m.name} ${w.code}`).not.toBeNull();
        expect(switchGuess(copy, w)).toBe(true);
        const after = problemItems(copy).length;
        expect(after - before, `${m.name} ${w.code}`).toBe(action === 'problem' ? 1 : -1);
      }
    }
  });
});

describe('printLines (the one-paragraph-per-line path)', () => {
  it('prints at the width with a 2-character indent and never starts a line with ，。', () => {
    const lines = printLines('一是学习不够深入，对党的创新理论满足于跟进学、碎片化学，联系实际思考不深，运用理论指导实践的能力不强。', 28);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0].startsWith('\u3000\u3000')).toBe(true);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、]/);
  });
});
