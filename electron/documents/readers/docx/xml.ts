// A minimal streaming XML walker for OOXML parts: elements, attributes and text, nothing else.
// Entities other than the five predefined ones and character references are never expanded, so a
// DOCTYPE cannot smuggle in an entity bomb.

export interface XmlVisitor {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(body: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(body)) !== null) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** End of a tag starting at `lt`: the first '>' outside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    }
  }
  return -1;
}

export function walkXml(xml: string, visitor: XmlVisitor): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      visitor.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) visitor.text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      visitor.text(xml.slice(lt + 9, end < 0 ? xml.length : end));
      i = end < 0 ? xml.length : end + 3;
      continue;
    }
    const end = tagEnd(xml, lt);
    if (end < 0) return;
    const body = xml.slice(lt + 1, end);
    i = end + 1;
    if (body[0] === '?' || body[0] === '!') continue; // declaration, DOCTYPE
    if (body[0] === '/') {
      visitor.close(body.slice(1).trim());
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/\s/);
    const name = space < 0 ? inner : inner.slice(0, space);
    visitor.open(name, space < 0 ? {} : parseAttrs(inner.slice(space)), selfClosing);
    if (selfClosing) visitor.close(name);
  }
}

/**
 * Resolves qualified names against the namespaces declared on the root element (where Word and
 * WPS declare them all), so `w:p` is recognised whatever prefix a producer chose.
 */
export class Namespaces {
  private readonly prefixOf = new Map<string, string>();

  constructor(rootAttrs: Record<string, string>) {
    for (const [key, value] of Object.entries(rootAttrs)) {
      if (key === 'xmlns') this.prefixOf.set(value, '');
      else if (key.startsWith('xmlns:')) this.prefixOf.set(value, key.slice(6));
    }
  }

  /** Qualified name of `local` in the first of `uris` declared, or null. */
  name(uris: string[], local: string): string | null {
    for (const uri of uris) {
      const prefix = this.prefixOf.get(uri);
      if (prefix !== undefined) return prefix === '' ? local : `${prefix}:${local}`;
    }
    return null;
  }
}

export const WORD_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
export const MC_NS = ['http://schemas.openxmlformats.org/markup-compatibility/2006'];

/** Local part of a qualified name (w:val → val). */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Attribute by local name, whatever its prefix (w:val, val). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  for (const [key, value] of Object.entries(attrs)) if (localName(key) === local) return value;
  return undefined;
}
