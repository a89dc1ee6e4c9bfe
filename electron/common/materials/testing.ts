// Test helpers (pure, shared by the tests of this folder): a compact, readable rendering of a material tree, id-free comparison, and the
// "nothing of substance was lost" check.
import type { ItemChild, Material } from './model';

/**
 * One line per node:  S kind heading · B heading [label] · I heading|text · E example · P paragraph.
 * Items show `heading ‖ text` when they have both; list styles are shown as {style} when not 'none'.
 */
export function outline(m: Material): string {
  const out: string[] = [];
  if (m.title) out.push(`T ${m.title.replace(/\n/g, ' / ')}`);
  if (m.opening) out.push(`O ${m.opening.replace(/\n/g, ' / ')}`);
  const style = (s: string) => (s === 'none' ? '' : ` {${s}}`);
  const children = (cs: ItemChild[], indent: string) => {
    for (const c of cs) {
      if (c.type === 'paragraph') {
        out.push(`${indent}P ${c.text.replace(/\n/g, ' / ')}`);
        continue;
      }
      const body = [c.heading, c.text.replace(/\n/g, ' / ')].filter((t) => t !== '').join(' ‖ ');
      out.push(`${indent}I ${body}${c.label ? ` [${c.label}]` : ''}${style(c.listStyle)}`);
      for (const e of c.examples) out.push(`${indent}  E ${e.text.replace(/\n/g, ' / ')}`);
      children(c.children, `${indent}  `);
    }
  };
  for (const s of m.sections) {
    out.push(`S ${s.kind} ${s.heading}${style(s.listStyle)}`.trimEnd());
    for (const c of s.children) {
      if (c.type === 'aspect') {
        out.push(`  B ${c.heading}${c.label ? ` [${c.label}]` : ''}${style(c.listStyle)}`.replace('B  ', 'B ').trimEnd());
        children(c.children, '    ');
      } else {
        children([c], '  ');
      }
    }
  }
  return out.join('\n');
}

/** The material without node ids, for structural equality. */
export function withoutIds(m: Material): unknown {
  return JSON.parse(JSON.stringify(m, (key, value: unknown) => (key === 'id' ? undefined : value)));
}

/** Every stored text of the material, in document order. */
export function storedTexts(m: Material): string[] {
  const out: string[] = [m.title, m.opening];
  const children = (cs: ItemChild[]) => {
    for (const c of cs) {
      if (c.type === 'paragraph') out.push(c.text);
      else {
        out.push(c.heading, c.text, ...c.examples.map((e) => e.text));
        children(c.children);
      }
    }
  };
  for (const s of m.sections) {
    out.push(s.heading);
    for (const c of s.children) {
      if (c.type === 'aspect') {
        out.push(c.heading);
        children(c.children);
      } else children([c]);
    }
  }
  return out.filter((t) => t !== '');
}

/**
 * Walks the input and the stored texts side by side (whitespace ignored) and returns what the
 * parser did not store: it must consist of numbering markers only.
 */
export function unstoredResidue(input: string, m: Material): string[] {
  const squash = (s: string) => s.replace(/[\s\u3000\uFEFF]+/g, '');
  const source = squash(input);
  const residue: string[] = [];
  let cursor = 0;
  for (const text of storedTexts(m)) {
    for (const piece of text.split('\n').map(squash).filter(Boolean)) {
      const at = source.indexOf(piece, cursor);
      if (at < 0) throw new Error(`stored text not found in input (in order): ${piece.slice(0, 40)}`);
      if (at > cursor) residue.push(source.slice(cursor, at));
      cursor = at + piece.length;
    }
  }
  if (cursor < source.length) residue.push(source.slice(cursor));
  return residue;
}

/** Numbering markers in all the forms the parser strips. */
export const MARKERS =
  /^(?:[一二三四五六七八九十]{1,3}[、.．是要]|第[一二三四五六七八九十]{1,3}[，、：,]|[（(][一二三四五六七八九十\d]{1,3}[）)][、．.]?|[\d０-９]{1,2}[.．、)）]|[①-⑳⑴-⒇⒈-⒛㈠-㈩])+$/;
