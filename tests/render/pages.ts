/**
 * Prints the page count and page 1 orientation of every export, demo and stress, as LibreOffice renders them:
 * `npx tsx tests/render/pages.ts [outDir] [name filter]`. The figures for the issue notes come from here.
 */
import path from 'node:path';
import { openDemoApp } from '../../electron/handlers/testing';
import { addStress, exportEverything } from './exportAll';
import { renderFiles } from './office';

const outDir = path.resolve(process.argv[2] ?? '.e2e-artifacts/documents');
const demo = await openDemoApp();
const stress = await openDemoApp();
try {
  await addStress(stress, stress.ids);
  const only = new RegExp(process.argv[3] ?? '');
  const docs = [...(await exportEverything(demo, demo.ids, 'demo')), ...(await exportEverything(stress, stress.ids, 'stress'))].filter((d) => only.test(d.name));
  const started = Date.now();
  const rendered = renderFiles(docs, outDir);
  console.log(`rendered ${rendered.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
  for (const r of rendered) console.log(`${r.name.padEnd(28)} ${String(r.pages.length).padStart(3)} pages  ${r.pages[0]?.landscape ? 'landscape' : 'portrait'}`);
} finally {
  await demo.close();
  await stress.close();
}
