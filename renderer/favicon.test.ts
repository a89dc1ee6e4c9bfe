import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const here = import.meta.dirname;

/** The page names its icon, Vite copies it from public/ next to index.html, and the page's CSP lets it load. */
it('index.html links a favicon that the build carries and the CSP allows', () => {
  const html = fs.readFileSync(path.join(here, 'index.html'), 'utf8');
  const href = /<link rel="icon" type="image\/svg\+xml" href="\.\/([^"]+)"/.exec(html)?.[1];
  expect(href).toBe('favicon.svg');
  const icon = fs.readFileSync(path.join(here, 'public', href!), 'utf8');
  expect(icon).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(icon).not.toMatch(/<script|href="http/i);
  expect(/img-src ([^;]*)/.exec(html)?.[1]).toContain("'self'");
});
