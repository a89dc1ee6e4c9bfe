// Paragraph styles from word/styles.xml: what a style contributes to a paragraph's numbering and
// outline level, following w:basedOn chains (Heading 1 carries both in many templates).
import { attr, walkXml } from './xml';
import { wordNames, type WordNames } from './wordNames';

interface StyleDef {
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

export interface ResolvedStyle {
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  /** A table-of-contents style: its paragraphs are page furniture. */
  isToc: boolean;
}

export class StyleSheet {
  private readonly defs = new Map<string, StyleDef>();
  private defaultId: string | undefined;
  private readonly cache = new Map<string, ResolvedStyle>();

  static parse(xml: string | null): StyleSheet {
    const sheet = new StyleSheet();
    if (xml) sheet.read(xml);
    return sheet;
  }

  /** Style id that a list style (w:numStyleLink) points at → its numId. */
  numIdOfStyle(styleId: string): string | undefined {
    return this.resolve(styleId).numId;
  }

  resolve(styleId: string | undefined): ResolvedStyle {
    const id = styleId ?? this.defaultId;
    if (id === undefined) return { isToc: false };
    const cached = this.cache.get(id);
    if (cached) return cached;
    const out: ResolvedStyle = { isToc: false };
    const seen = new Set<string>();
    for (let cur: string | undefined = id; cur && !seen.has(cur) && seen.size < 20; ) {
      seen.add(cur);
      const def = this.defs.get(cur);
      if (!def) break;
      if (out.numId === undefined && def.numId !== undefined) out.numId = def.numId;
      if (out.ilvl === undefined && def.ilvl !== undefined) out.ilvl = def.ilvl;
      if (out.outlineLevel === undefined) out.outlineLevel = def.outlineLvl ?? headingLevelFromName(def.name);
      if (cur === id && /^toc \d/i.test(def.name)) out.isToc = true;
      cur = def.basedOn;
    }
    if (/^TOC\d/i.test(id)) out.isToc = true;
    this.cache.set(id, out);
    return out;
  }

  private read(xml: string): void {
    let names: WordNames | null = null;
    let current: { id: string; def: StyleDef } | null = null;
    let depthInPPr = 0;
    walkXml(xml, {
      open: (name, attrs) => {
        if (!names) {
          names = wordNames(attrs);
          return;
        }
        const w = names.w;
        if (name === w('style')) {
          const id = attr(attrs, 'styleId');
          if (attr(attrs, 'type') === 'paragraph' && id !== undefined) {
            current = { id, def: { name: '' } };
            if (attr(attrs, 'default') === '1' || attr(attrs, 'default') === 'true') this.defaultId = id;
          }
          return;
        }
        if (!current) return;
        if (name === w('pPr')) depthInPPr++;
        else if (name === w('name')) current.def.name = attr(attrs, 'val') ?? '';
        else if (name === w('basedOn')) current.def.basedOn = attr(attrs, 'val');
        else if (depthInPPr > 0 && name === w('numId')) current.def.numId = attr(attrs, 'val');
        else if (depthInPPr > 0 && name === w('ilvl')) current.def.ilvl = toInt(attr(attrs, 'val'));
        else if (depthInPPr > 0 && name === w('outlineLvl')) current.def.outlineLvl = toInt(attr(attrs, 'val'));
      },
      close: (name) => {
        if (!names) return;
        if (name === names.w('pPr') && depthInPPr > 0) depthInPPr--;
        if (name === names.w('style') && current) {
          this.defs.set(current.id, current.def);
          current = null;
        }
      },
      text: () => {},
    });
  }
}

function toInt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

// Built-in heading styles are named "heading 1"… in every language version of Word; WPS sometimes
// writes 标题 1.
function headingLevelFromName(name: string): number | undefined {
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim());
  return m ? Number(m[1]) - 1 : undefined;
}
