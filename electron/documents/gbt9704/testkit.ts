/**
 * Test support: reads a produced .docx back into element trees. The XML parser is deliberately strict (it throws
 * on mismatched tags, bad entities and characters XML 1.0 forbids) so that parsing doubles as the well-formedness
 * check Word performs; it is small because WordprocessingML needs no DTDs, CDATA or comments.
 */
import JSZip from 'jszip';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

// Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes (as surrogate pairs).
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function parseXml(xml: string): XmlElement {
  const invalid = INVALID_XML_CHAR.exec(xml);
  if (invalid) throw new Error(`invalid XML character U+${invalid[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  let pos = 0;
  const stack: { name: string; attrs: Record<string, string>; children: (XmlElement | string)[] }[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  const attr = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  while (pos < xml.length) {
    if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos);
      if (end < 0) throw new Error('unterminated processing instruction');
      pos = end + 2;
      continue;
    }
    if (xml[pos] === '<') {
      tag.lastIndex = pos;
      const match = tag.exec(xml);
      if (!match) throw new Error(`malformed tag at ${pos}: ${xml.slice(pos, pos + 40)}`);
      pos = tag.lastIndex;
      const [, closing, name, attrText, selfClosing] = match;
      if (closing) {
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
        const element: XmlElement = open;
        if (stack.length === 0) root = element;
        else stack[stack.length - 1].children.push(element);
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(attr)) attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      const element = { name, attrs, children: [] as (XmlElement | string)[] };
      if (selfClosing) {
        if (stack.length === 0) root = element;
        else stack[stack.length - 1].children.push(element);
      } else {
        stack.push(element);
      }
      continue;
    }
    const next = xml.indexOf('<', pos);
    const text = xml.slice(pos, next < 0 ? xml.length : next);
    pos = next < 0 ? xml.length : next;
    if (stack.length === 0) {
      if (text.trim() !== '') throw new Error('text outside the root element');
      continue;
    }
    stack[stack.length - 1].children.push(decodeEntities(text));
  }
  if (stack.length > 0 || !root) throw new Error(`unclosed <${stack[stack.length - 1]?.name ?? 'root'}>`);
  return root;
}

function decodeEntities(text: string): string {
  return text.replace(/&([^;]*);/g, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity in named) return named[entity];
    const code = /^#x([0-9a-f]+)$/i.exec(entity)?.[1];
    const decimal = /^#(\d+)$/.exec(entity)?.[1];
    if (code) return String.fromCodePoint(parseInt(code, 16));
    if (decimal) return String.fromCodePoint(parseInt(decimal, 10));
    throw new Error(`unknown entity ${whole}`);
  });
}

/** All descendants named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

export function find(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, name)[0];
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Visible text of an element: w:t content, w:tab as "\t", w:br as "\n". */
export function textOf(element: XmlElement): string {
  let text = '';
  const visit = (node: XmlElement) => {
    for (const c of node.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:t') text += c.children.filter((t): t is string => typeof t === 'string').join('');
      else if (c.name === 'w:tab' && node.name === 'w:r') text += '\t';
      else if (c.name === 'w:br') text += '\n';
      else visit(c);
    }
  };
  visit(element);
  return text;
}

export interface RunFormat {
  readonly text: string;
  readonly eastAsia?: string;
  readonly ascii?: string;
  readonly hAnsi?: string;
  /** Half-points. */
  readonly size?: number;
  readonly bold: boolean;
}

export function runFormat(run: XmlElement): RunFormat {
  const rPr = child(run, 'w:rPr');
  const fonts = rPr && child(rPr, 'w:rFonts');
  const size = rPr && child(rPr, 'w:sz');
  const bold = rPr && child(rPr, 'w:b');
  return {
    text: textOf(run),
    eastAsia: fonts?.attrs['w:eastAsia'],
    ascii: fonts?.attrs['w:ascii'],
    hAnsi: fonts?.attrs['w:hAnsi'],
    size: size ? Number(size.attrs['w:val']) : undefined,
    bold: bold !== undefined && bold.attrs['w:val'] !== 'false' && bold.attrs['w:val'] !== '0',
  };
}

/** The w:style element of styles.xml with this id. */
export function styleById(styles: XmlElement, id: string): XmlElement | undefined {
  return findAll(styles, 'w:style').find((style) => style.attrs['w:styleId'] === id);
}

/**
 * The formatting Word shows for a run: its own properties over those of its paragraph's style (and the styles that
 * one is based on). Document defaults are left out, so a run that gets its font from nowhere but the defaults still
 * reads as having none.
 */
export function effectiveRunFormat(run: XmlElement, paragraph: XmlElement, styles: XmlElement): RunFormat {
  const own = runFormat(run);
  const chain: RunFormat[] = [];
  for (let id = paragraphProperty(paragraph, 'w:pStyle'); id !== undefined; ) {
    const style = styleById(styles, id);
    if (!style) throw new Error(`paragraph style ${id} is not defined`);
    chain.push(runFormat(style));
    id = child(style, 'w:basedOn')?.attrs['w:val'];
  }
  const pick = <K extends 'eastAsia' | 'ascii' | 'hAnsi' | 'size'>(key: K) => [own, ...chain].map((f) => f[key]).find((v) => v !== undefined);
  return { text: own.text, eastAsia: pick('eastAsia'), ascii: pick('ascii'), hAnsi: pick('hAnsi'), size: pick('size'), bold: own.bold || chain.some((f) => f.bold) };
}

/** A pPr property of a paragraph as Word applies it: its own, else its paragraph style's. */
export function effectiveParagraphElement(paragraph: XmlElement, name: string, styles: XmlElement): XmlElement | undefined {
  const pPr = child(paragraph, 'w:pPr');
  const own = pPr && child(pPr, name);
  if (own) return own;
  for (let id = paragraphProperty(paragraph, 'w:pStyle'); id !== undefined; ) {
    const style = styleById(styles, id);
    if (!style) throw new Error(`paragraph style ${id} is not defined`);
    const stylePPr = child(style, 'w:pPr');
    const found = stylePPr && child(stylePPr, name);
    if (found) return found;
    id = child(style, 'w:basedOn')?.attrs['w:val'];
  }
  return undefined;
}

/** Body paragraphs that are not inside tables, in order. */
export function bodyParagraphs(document: XmlElement): XmlElement[] {
  const body = find(document, 'w:body');
  if (!body) throw new Error('no w:body');
  return body.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:p');
}

/** The value of pPr/<name>/@attr of a paragraph, if present. */
export function paragraphProperty(paragraph: XmlElement, name: string, attribute = 'w:val'): string | undefined {
  const pPr = child(paragraph, 'w:pPr');
  const element = pPr && child(pPr, name);
  return element?.attrs[attribute];
}

export function hasParagraphProperty(paragraph: XmlElement, name: string): boolean {
  const pPr = child(paragraph, 'w:pPr');
  return pPr !== undefined && child(pPr, name) !== undefined;
}

export interface DocxParts {
  readonly zip: JSZip;
  readonly documentXml: string;
  readonly document: XmlElement;
  readonly styles: XmlElement;
  readonly settings: XmlElement;
  /** Section properties in order (the last one is the body's own). */
  readonly sections: XmlElement[];
  /** The footer part a section uses for 'default' (odd) or 'even' pages. */
  footer(section: XmlElement, type: 'default' | 'even'): Promise<XmlElement | undefined>;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`missing part ${path}`);
    return file.async('string');
  };
  const documentXml = await read('word/document.xml');
  const document = parseXml(documentXml);
  const rels = parseXml(await read('word/_rels/document.xml.rels'));
  const targets = new Map(findAll(rels, 'Relationship').map((r) => [r.attrs.Id, r.attrs.Target]));
  return {
    zip,
    documentXml,
    document,
    styles: parseXml(await read('word/styles.xml')),
    settings: parseXml(await read('word/settings.xml')),
    sections: findAll(document, 'w:sectPr'),
    async footer(section, type) {
      const reference = section.children.find(
        (c): c is XmlElement => typeof c !== 'string' && c.name === 'w:footerReference' && c.attrs['w:type'] === type,
      );
      const target = reference && targets.get(reference.attrs['r:id']);
      return target ? parseXml(await read(`word/${target}`)) : undefined;
    },
  };
}
