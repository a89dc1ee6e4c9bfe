// The paragraphs of word/document.xml: visible text (w:t, w:tab, w:br), paragraph style, direct
// numbering (w:numPr) and outline level. Deleted revisions, field codes, hidden runs and the
// fallback copy of alternate content are not part of what the reader sees, so they are skipped.
import { attr, walkXml } from './xml';
import { wordNames, type WordNames } from './wordNames';

export interface RawParagraph {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

interface OpenParagraph extends RawParagraph {
  parts: string[];
}

export function readDocumentParagraphs(xml: string): RawParagraph[] {
  const out: RawParagraph[] = [];
  const paragraphs: OpenParagraph[] = []; // a text box nests paragraphs inside a paragraph
  const stack: string[] = [];
  let names: WordNames | null = null;
  let skip: Set<string> = new Set();
  let skipDepth = -1; // stack depth of the element whose subtree is skipped
  let runHidden = false;

  const current = () => paragraphs[paragraphs.length - 1];
  const parentIs = (name: string, up = 1) => stack[stack.length - 1 - up] === name;

  walkXml(xml, {
    open: (name, attrs, selfClosing) => {
      if (!names) {
        names = wordNames(attrs);
        const w = names.w;
        skip = new Set([w('del'), w('moveFrom'), w('pPrChange'), w('rPrChange'), w('instrText'), w('delText'), names.mc('Fallback')]);
      }
      stack.push(name);
      if (skipDepth >= 0) return;
      if (skip.has(name)) {
        if (!selfClosing) skipDepth = stack.length - 1;
        return;
      }
      const w = names.w;
      const p = current();
      if (name === w('p')) {
        paragraphs.push({ text: '', parts: [] });
      } else if (!p) {
        return;
      } else if (name === w('r')) {
        runHidden = false;
      } else if (name === w('vanish') && parentIs(w('rPr')) && parentIs(w('r'), 2)) {
        const val = attr(attrs, 'val');
        runHidden = val !== '0' && val !== 'false';
      } else if (name === w('pStyle') && parentIs(w('pPr'))) {
        p.styleId = attr(attrs, 'val');
      } else if (name === w('numId') && parentIs(w('numPr'))) {
        p.numId = attr(attrs, 'val');
      } else if (name === w('ilvl') && parentIs(w('numPr'))) {
        p.ilvl = toInt(attr(attrs, 'val'));
      } else if (name === w('outlineLvl') && parentIs(w('pPr'))) {
        p.outlineLvl = toInt(attr(attrs, 'val'));
      } else if (parentIs(w('r')) && !runHidden) {
        if (name === w('tab')) p.parts.push('\t');
        else if (name === w('br')) p.parts.push(attr(attrs, 'type') === 'page' || attr(attrs, 'type') === 'column' ? '' : '\n');
        else if (name === w('cr')) p.parts.push('\n');
        else if (name === w('noBreakHyphen')) p.parts.push('-');
      }
    },
    close: (name) => {
      const depth = stack.length - 1;
      stack.pop();
      if (skipDepth >= 0) {
        if (depth === skipDepth) skipDepth = -1;
        return;
      }
      if (names && name === names.w('p')) {
        const p = paragraphs.pop();
        if (p) {
          const { parts, ...rest } = p;
          out.push({ ...rest, text: parts.join('') });
        }
      }
    },
    text: (text) => {
      if (skipDepth >= 0 || !names || runHidden) return;
      const p = current();
      if (p && stack[stack.length - 1] === names.w('t')) p.parts.push(text);
    },
  });
  return out;
}

function toInt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}
