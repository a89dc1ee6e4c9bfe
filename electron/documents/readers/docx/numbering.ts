// Word's automatic numbering (word/numbering.xml): level definitions, list instances and the
// running counters that turn them into the text Word shows, e.g. 「一、」 or 「（一）」.
import { formatNumber } from './numberFormat';
import type { StyleSheet } from './styles';
import { attr, walkXml } from './xml';
import { wordNames, type WordNames } from './wordNames';

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** w:lvlRestart: 0 = never restart; otherwise restart after the given (1-based) level. */
  restart?: number;
}

interface AbstractDef {
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

export interface ParagraphNumber {
  level: number;
  format: string;
  text: string;
}

const MAX_LEVELS = 9;

export class Numbering {
  private readonly abstracts = new Map<string, AbstractDef>();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, Array<number | undefined>>();

  private constructor(private readonly styles: StyleSheet) {}

  static parse(xml: string | null, styles: StyleSheet): Numbering {
    const numbering = new Numbering(styles);
    if (xml) numbering.read(xml);
    return numbering;
  }

  /** Advance the counters for one numbered paragraph and return its number; null when none shows. */
  next(numId: string, ilvl: number): ParagraphNumber | null {
    const num = this.nums.get(numId);
    if (!num || ilvl < 0 || ilvl >= MAX_LEVELS) return null;
    const abstract = this.abstractOf(num);
    if (!abstract) return null;
    const levelDef = (l: number) => num.levelOverrides.get(l) ?? abstract.levels.get(l);
    const def = levelDef(ilvl);
    if (!def) return null;

    // List instances of one abstract definition share their counters, as in Word, unless the
    // instance restarts numbering with a start override.
    const key = num.startOverrides.size > 0 || num.levelOverrides.size > 0 ? `num:${numId}` : `abs:${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = new Array<number | undefined>(MAX_LEVELS).fill(undefined);
      this.counters.set(key, counters);
    }
    const startOf = (l: number) => num.startOverrides.get(l) ?? levelDef(l)?.start ?? 1;
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let l = ilvl + 1; l < MAX_LEVELS; l++) {
      const restart = levelDef(l)?.restart;
      if (restart === 0) continue;
      // lvlRestart N: restart when a level numbered ≤ N (1-based) is used; absent: any shallower level.
      if (restart === undefined || ilvl + 1 <= restart) counters[l] = undefined;
    }

    const text = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      const fmt = def.isLgl ? 'decimal' : (levelDef(l)?.numFmt ?? 'decimal');
      return formatNumber(value, fmt);
    });
    if (def.numFmt === 'none' && !/\S/.test(text)) return null;
    return { level: ilvl, format: def.numFmt, text };
  }

  private abstractOf(num: NumDef): AbstractDef | undefined {
    let abstract = this.abstracts.get(num.abstractId);
    // A list style: the abstract definition only links to a style, whose numId holds the levels.
    if (abstract && abstract.levels.size === 0 && abstract.numStyleLink) {
      const linkedNumId = this.styles.numIdOfStyle(abstract.numStyleLink);
      const linked = linkedNumId ? this.nums.get(linkedNumId) : undefined;
      if (linked) abstract = this.abstracts.get(linked.abstractId);
    }
    return abstract;
  }

  private read(xml: string): void {
    let names: WordNames | null = null;
    let abstract: AbstractDef | null = null;
    let num: { id: string; def: NumDef } | null = null;
    let overrideLevel: number | null = null;
    let level: { ilvl: number; def: LevelDef } | null = null;
    walkXml(xml, {
      open: (name, attrs) => {
        if (!names) {
          names = wordNames(attrs);
          return;
        }
        const w = names.w;
        const val = attr(attrs, 'val');
        if (name === w('abstractNum')) {
          abstract = { levels: new Map() };
          this.abstracts.set(attr(attrs, 'abstractNumId') ?? '', abstract);
        } else if (name === w('num')) {
          num = { id: attr(attrs, 'numId') ?? '', def: { abstractId: '', startOverrides: new Map(), levelOverrides: new Map() } };
        } else if (name === w('abstractNumId') && num) {
          num.def.abstractId = val ?? '';
        } else if (name === w('lvlOverride') && num) {
          overrideLevel = toInt(attr(attrs, 'ilvl')) ?? null;
        } else if (name === w('startOverride') && num && overrideLevel !== null) {
          num.def.startOverrides.set(overrideLevel, toInt(val) ?? 1);
        } else if (name === w('lvl')) {
          level = { ilvl: toInt(attr(attrs, 'ilvl')) ?? 0, def: { start: 1, numFmt: 'decimal', lvlText: '', isLgl: false } };
        } else if (level) {
          if (name === w('start')) level.def.start = toInt(val) ?? 1;
          else if (name === w('numFmt')) level.def.numFmt = val ?? 'decimal';
          else if (name === w('lvlText')) level.def.lvlText = val ?? '';
          else if (name === w('isLgl')) level.def.isLgl = val !== '0' && val !== 'false';
          else if (name === w('lvlRestart')) level.def.restart = toInt(val);
        } else if (name === w('numStyleLink') && abstract) {
          abstract.numStyleLink = val;
        }
      },
      close: (name) => {
        if (!names) return;
        const w = names.w;
        if (name === w('lvl') && level) {
          if (num && overrideLevel !== null) num.def.levelOverrides.set(level.ilvl, level.def);
          else if (abstract) abstract.levels.set(level.ilvl, level.def);
          level = null;
        } else if (name === w('abstractNum')) {
          abstract = null;
        } else if (name === w('lvlOverride')) {
          overrideLevel = null;
        } else if (name === w('num') && num) {
          this.nums.set(num.id, num.def);
          num = null;
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
