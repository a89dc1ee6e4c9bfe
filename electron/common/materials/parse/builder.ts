// Builds the material tree from classified paragraphs (domain.md §6 steps 4–8).
//
// A stack of open headings (frames) decides where text goes: a heading of level L closes every open
// heading of level ≥ L and opens under the nearest shallower one. Inline enumerators (一是, 一要,
// 第一，, ①, 首先/其次) are items of the deepest open heading, never a level of their own.
// Text that fits nowhere becomes a Paragraph node; nothing is ever dropped.
import type { AspectBlock, Item, ListStyle, Material, NodeId, OtherSection, Paragraph, Section } from '../model';
import { listMarker, sectionMarker } from '../numbering';
import { newAspectBlock, newExample, newItem, newParagraph, newSection } from '../nodes';
import type { OutlineWarning } from '../outlineTypes';
import { aspectLabel, classifySection, isKnownOtherSection, runInStart } from './classify';
import type { HeadingInfo } from './headings';
import { endsWithColon, isExampleCue, matchInlineMarker, SINGLE_ITEM_CUE, type InlineMarker } from './markers';
import { normalizeForMatching, originalOffset, sliceOriginal } from './normalize';
import type { SourceParagraph } from './paragraphs';
import { runInHeadingEnd, scanAtBoundaries } from './scan';
import { warn } from './warnings';

interface Frame {
  /** 1 = section, 2 = （一） (or the implicit block), 3 = 1., 4 = （1）. */
  level: number;
  node: Section | AspectBlock | Item;
}

type Container = Section | AspectBlock | Item;

// Cue words keep their place in the text, so a following paragraph can only continue a run whose
// previous item visibly started one.
const FIRST_CUE_TEXT = /^(?:首先|其次|再次)/;
const ONE_SIDE_TEXT = /^一方面/;

export class OutlineBuilder {
  private readonly frames: Frame[] = [];
  /** The last number seen under each container (id, or 'root' for sections) and level or style. */
  private readonly lastValue = new Map<string, Map<string | number, number>>();
  private section: Section | null = null;
  private sectionLabel = '';
  private closing: OtherSection | null = null;
  /** Problems made from a paragraph without any marker (candidates for a lead-in). */
  readonly unmarked = new Set<NodeId>();
  /** Unnumbered paragraphs appended to the numbered problem before them: item id → paragraph index. */
  readonly continuations: Array<{ itemId: NodeId; part: number; line: number }> = [];
  /** Where each paragraph's text went (original offsets), for paragraphs with joined lines. */
  private readonly spans = new Map<SourceParagraph, Array<{ from: number; to: number; nodeId: NodeId }>>();

  constructor(
    private readonly material: Material,
    private readonly warnings: OutlineWarning[],
    private readonly newId: () => NodeId,
  ) {}

  /** Feed one paragraph of the body (after the opening). */
  add(p: SourceParagraph, heading: HeadingInfo | null, isClosing: boolean): void {
    if (this.closing || (isClosing && this.section)) {
      this.addClosing(p);
      return;
    }
    if (heading && heading.level === 1) {
      this.openSection(p, heading);
      return;
    }
    const section = this.section;
    if (!section) throw new Error('internal: body text before the first section'); // the body starts at a 一、
    if (section.kind === 'other') {
      const para = newParagraph(this.newId(), verbatim(p));
      section.children.push(para);
      this.mark(p, 0, p.nt.norm.length, para.id);
      return;
    }
    if (heading) this.openHeading(p, heading);
    else this.addContent(p, 0, p.nt.norm.length, true, autoInline(p));
  }

  // ── sections and headings ────────────────────────────────────────────────────────────────────

  private openSection(p: SourceParagraph, h: HeadingInfo): void {
    const { heading, bodyStart } = splitHeading(p, h.contentStart);
    const headingNorm = p.nt.norm.slice(h.contentStart, bodyStart);
    const kind = classifySection(headingNorm);
    const section = newSection(this.newId(), kind, heading);
    this.material.sections.push(section);
    this.section = section;
    this.sectionLabel = kind === 'problems' ? aspectLabel(heading) : '';
    this.frames.length = 0;
    this.frames.push({ level: 1, node: section });
    this.mark(p, 0, bodyStart, section.id);
    if (kind === 'other' && !isKnownOtherSection(headingNorm)) this.warnings.push(warn.sectionUnclassified(heading, { nodeId: section.id, line: p.line }));
    this.checkSequence(['root', 0], h, section.id, p.line);

    if (bodyStart >= p.nt.norm.length) return;
    if (section.kind === 'other') {
      const body = sliceOriginal(p.text, p.nt, bodyStart, p.nt.norm.length).trim();
      if (body) {
        const para = newParagraph(this.newId(), body);
        section.children.push(para);
        this.mark(p, bodyStart, p.nt.norm.length, para.id);
      }
    } else {
      this.addContent(p, bodyStart, p.nt.norm.length, false);
    }
  }

  private openHeading(p: SourceParagraph, h: HeadingInfo): void {
    while (this.frames.length > 1 && this.top().level >= h.level) this.frames.pop();
    const section = this.section!;
    let parent = this.top().node;

    if (section.kind === 'problems' && h.level === 2) {
      const { heading, bodyStart } = splitAspectHeading(p, h.contentStart);
      const block = newAspectBlock(this.newId(), {
        label: aspectLabel(heading) || this.sectionLabel,
        heading,
      });
      section.children.push(block);
      this.mark(p, 0, bodyStart, block.id);
      adoptStyle(section, 'cn-paren'); // aspect blocks are always level 2: （一）
      this.checkSequence([section.id, h.level], h, block.id, p.line);
      this.frames.push({ level: 2, node: block });
      this.addContent(p, bodyStart, p.nt.norm.length, false);
      return;
    }

    if (section.kind === 'problems' && parent.type === 'section') parent = this.implicitBlock();
    const item =
      section.kind === 'problems'
        ? newItem(this.newId()) // a problem is text + examples; its first sentence is not a heading
        : this.headedItem(p, h);
    pushChild(parent, item);
    adoptStyle(parent, h.style);
    this.checkSequence([parent.id, h.level], h, item.id, p.line);
    this.frames.push({ level: h.level, node: item });
    const bodyStart = section.kind === 'problems' ? h.contentStart : splitHeading(p, h.contentStart).bodyStart;
    this.mark(p, 0, bodyStart, item.id);
    this.addContent(p, bodyStart, p.nt.norm.length, false);
  }

  private headedItem(p: SourceParagraph, h: HeadingInfo): Item {
    const { heading } = splitHeading(p, h.contentStart);
    return newItem(this.newId(), { heading, label: aspectLabel(heading) });
  }

  /** The block that holds problems written directly under 一、 (no （一） aspect heading). */
  private implicitBlock(): AspectBlock {
    const section = this.section;
    if (section?.kind !== 'problems') throw new Error('internal: aspect block outside the problems section');
    const last = section.children[section.children.length - 1];
    const block =
      last && last.type === 'aspect' && last.heading === ''
        ? last
        : newAspectBlock(this.newId(), { label: this.sectionLabel });
    if (block !== last) section.children.push(block);
    this.frames.length = 1;
    this.frames.push({ level: 2, node: block });
    return block;
  }

  // ── body text ────────────────────────────────────────────────────────────────────────────────

  /**
   * Text of paragraph `p` in normalised range [from, to), inside the deepest open heading.
   * `fresh` is true when the range starts a paragraph of its own (not the body of a run-in heading).
   */
  private addContent(p: SourceParagraph, from: number, to: number, fresh: boolean, leading?: InlineMarker): void {
    const markers = this.findInlineMarkers(p, from, to, fresh);
    if (leading) markers.unshift(leading);
    const leadEnd = markers.length > 0 ? markers[0].pos : to;
    if (p.nt.norm.slice(from, leadEnd).trim() !== '') this.placeLead(p, from, leadEnd, fresh, markers.length > 0);
    markers.forEach((m, i) => {
      const end = i + 1 < markers.length ? markers[i + 1].pos : to;
      this.addInlineItem(p, m, end);
    });
  }

  private findInlineMarkers(p: SourceParagraph, from: number, to: number, fresh: boolean): InlineMarker[] {
    const norm = p.nt.norm;
    const found: InlineMarker[] = [];
    scanAtBoundaries(norm, from, to, (pos, strong) => {
      const m = matchInlineMarker(norm, pos, strong);
      if (!m) return 0;
      found.push(m);
      return m.length;
    });
    return this.filterWordCues(found, from, fresh);
  }

  // 首先…其次… and 一方面…另一方面… enumerate only when both halves are there: a lone 最后 or
  // 一方面 is ordinary prose. A paragraph may also continue a run begun in the paragraph before.
  private filterWordCues(found: InlineMarker[], from: number, fresh: boolean): InlineMarker[] {
    if (found.every((m) => m.cue === undefined)) return found;
    const cues = new Set(found.map((m) => m.cue));
    const has = (cue: string) => cues.has(cue as InlineMarker['cue']);
    const last = lastChild(this.top().node);
    const lastText = last && last.type === 'item' ? last.text : '';
    const continues = (m: InlineMarker, pattern: RegExp) => fresh && m.pos === from && pattern.test(lastText);
    return found.filter((m) => {
      switch (m.cue) {
        case undefined:
          return true;
        case 'first':
          return has('next');
        case 'next':
          return has('first') || continues(m, FIRST_CUE_TEXT);
        case 'oneSide':
          return has('otherSide');
        case 'otherSide':
          return has('oneSide') || continues(m, ONE_SIDE_TEXT);
      }
    });
  }

  /** Text before the first inline marker of a range. */
  private placeLead(p: SourceParagraph, from: number, to: number, fresh: boolean, followedByItems: boolean): void {
    const container = this.top().node;
    const norm = p.nt.norm.slice(from, to).trim();
    const colon = endsWithColon(norm);

    if (container.type === 'item' && container.children.length === 0) {
      this.appendContinuation(container, p, from, to, fresh);
      return;
    }
    if (container.type === 'section' && container.kind === 'problems') {
      if (SINGLE_ITEM_CUE.test(norm) && !colon && !followedByItems) {
        const item = newItem(this.newId());
        this.implicitBlock().children.push(item);
        this.unmarked.add(item.id);
        this.appendItemText(item, p, from, to, fresh);
      } else {
        const para = newParagraph(this.newId(), slice(p, from, to));
        container.children.push(para);
        this.mark(p, from, to, para.id);
      }
      return;
    }
    const last = lastChild(container);
    if (last && last.type === 'item' && !colon) {
      this.appendContinuation(last, p, from, to, fresh);
      return;
    }
    if (container.type === 'aspect' && !colon && !followedByItems) {
      const item = newItem(this.newId());
      container.children.push(item);
      this.unmarked.add(item.id);
      this.appendItemText(item, p, from, to, fresh);
      return;
    }
    const para = newParagraph(this.newId(), slice(p, from, to));
    pushChild(container, para);
    this.mark(p, from, to, para.id);
  }

  private addInlineItem(p: SourceParagraph, m: InlineMarker, end: number): void {
    let container = this.top().node;
    if (container.type === 'section' && container.kind === 'problems') container = this.implicitBlock();
    const item = newItem(this.newId());
    pushChild(container, item);
    adoptStyle(container, m.style);
    if (m.value > 0) {
      this.checkSequence([container.id, m.style], { value: m.value, style: m.style }, item.id, p.line);
    }
    this.appendItemText(item, p, m.pos + m.length, end, false);
  }

  /**
   * A paragraph with no marker after a numbered problem: taken as more of its text (a guess, unless
   * it is an example), reported so the preview can offer to make it a problem of its own.
   */
  private appendContinuation(item: Item, p: SourceParagraph, from: number, to: number, fresh: boolean): void {
    const guess =
      fresh && this.section?.kind === 'problems' && !this.unmarked.has(item.id) && item.examples.length === 0 && !isExampleCue(p.nt.norm, skipSpaces(p.nt.norm, from));
    this.appendItemText(item, p, from, to, fresh);
    if (guess && item.examples.length === 0) this.continuations.push({ itemId: item.id, part: lineBreaks(item.text), line: p.line });
  }

  /** Add text to an item; in the problems section, 比如/又如… at a sentence start begin examples. */
  private appendItemText(item: Item, p: SourceParagraph, from: number, to: number, fresh: boolean): void {
    this.mark(p, from, to, item.id);
    const pieces: Array<[number, number]> = [];
    if (this.section?.kind === 'problems') {
      const norm = p.nt.norm;
      const starts: number[] = [];
      scanAtBoundaries(norm, from, to, (pos, strong) => {
        if (strong && isExampleCue(norm, pos)) starts.push(pos);
        return 0;
      });
      let prev = from;
      for (const s of starts) {
        pieces.push([prev, s]);
        prev = s;
      }
      pieces.push([prev, to]);
    } else {
      pieces.push([from, to]);
    }

    const [leadFrom, leadTo] = pieces[0];
    const lead = slice(p, leadFrom, leadTo);
    if (lead) {
      const lastExample = item.examples[item.examples.length - 1];
      if (lastExample) lastExample.text = joinText(lastExample.text, lead, fresh);
      else item.text = joinText(item.text, lead, fresh);
    }
    for (const [s, e] of pieces.slice(1)) item.examples.push(newExample(this.newId(), slice(p, s, e)));
  }

  // ── closing, numbering, helpers ──────────────────────────────────────────────────────────────

  private addClosing(p: SourceParagraph): void {
    if (!this.closing) {
      this.closing = newSection(this.newId(), 'other', '');
      this.material.sections.push(this.closing);
    }
    const para = newParagraph(this.newId(), verbatim(p));
    this.closing.children.push(para);
    this.mark(p, 0, p.nt.norm.length, para.id);
  }

  /** Records that normalised [from, to) of `p` went into node `nodeId` (only paragraphs with joined lines). */
  private mark(p: SourceParagraph, from: number, to: number, nodeId: NodeId): void {
    if (p.breaks.length === 0 || to <= from) return;
    let list = this.spans.get(p);
    if (!list) this.spans.set(p, (list = []));
    list.push({ from: originalOffset(p.nt, from), to: originalOffset(p.nt, to), nodeId });
  }

  /** Tells each joined line of `p` which node holds it. */
  locateBreaks(p: SourceParagraph): void {
    const list = this.spans.get(p) ?? [];
    for (const b of p.breaks) {
      const span = list.find((s) => b.offset >= s.from && b.offset < s.to) ?? list.find((s) => b.offset <= s.to);
      if (span) b.join.nodeId = span.nodeId;
    }
  }

  /** Accept expected+1; report gaps and repeats; never renumber (domain.md §6 step 5). */
  private checkSequence(
    key: [string, string | number],
    h: { value: number; style: ListStyle | 'section' },
    nodeId: NodeId,
    line: number,
  ): void {
    if (h.value <= 0) return; // an outline-level heading without a number
    const last = this.lastValue.get(key[0])?.get(key[1]) ?? 0;
    const values = this.lastValue.get(key[0]);
    if (values) values.set(key[1], h.value);
    else this.lastValue.set(key[0], new Map([[key[1], h.value]]));
    if (h.value === last + 1) return;
    const show = (n: number) => (h.style === 'section' ? sectionMarker(n) : listMarker(h.style, n));
    const where = { nodeId, line };
    this.warnings.push(
      h.value > last + 1
        ? warn.numberingGap(show(last + 1), show(h.value), where)
        : warn.numberingDuplicate(show(last + 1), show(h.value), where),
    );
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }
}

function splitHeading(p: SourceParagraph, contentStart: number): { heading: string; bodyStart: number } {
  const norm = p.nt.norm;
  const end = runInHeadingEnd(norm, contentStart, norm.length);
  const bodyStart = end < 0 ? norm.length : end;
  return { heading: slice(p, contentStart, bodyStart), bodyStart };
}

/**
 * An aspect heading: 「在……方面，一是……」 ends before the 一是 (items may follow the aspect's comma
 * directly); otherwise as any run-in heading.
 */
function splitAspectHeading(p: SourceParagraph, contentStart: number): { heading: string; bodyStart: number } {
  const split = splitHeading(p, contentStart);
  const norm = p.nt.norm;
  const runIn = runInStart(norm.slice(contentStart, split.bodyStart));
  if (runIn < 0) return split;
  const m = matchInlineMarker(norm, contentStart + runIn, true);
  if (!m || m.cue) return split;
  return { heading: slice(p, contentStart, contentStart + runIn), bodyStart: contentStart + runIn };
}

function skipSpaces(norm: string, from: number): number {
  let i = from;
  while (i < norm.length && norm[i] === ' ') i++;
  return i;
}

function slice(p: SourceParagraph, from: number, to: number): string {
  return sliceOriginal(p.text, p.nt, from, to).trim();
}

/** How many \n a text holds (its last line's index), counted without splitting it. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function joinText(existing: string, added: string, newParagraph: boolean): string {
  if (existing === '') return added;
  return existing + (newParagraph ? '\n' : '') + added;
}

/** A paragraph kept as written, including Word's automatic number, which is not in its text. */
function verbatim(p: SourceParagraph): string {
  return p.auto ? `${p.auto.text}${p.text}` : p.text;
}

/** An auto-numbered 一是 (rare, but Word allows it) acts as a marker in front of the text. */
function autoInline(p: SourceParagraph): InlineMarker | undefined {
  if (!p.auto) return undefined;
  const m = matchInlineMarker(normalizeForMatching(p.auto.text.trim()).norm, 0, true);
  return m && !m.cue ? { ...m, pos: 0, length: 0 } : undefined;
}

function lastChild(container: Container) {
  const children = container.children;
  return children.length > 0 ? children[children.length - 1] : undefined;
}

function pushChild(container: Container, child: Item | Paragraph): void {
  if (container.type !== 'section' || container.kind !== 'problems' && container.kind !== 'other') {
    container.children.push(child);
  } else if (child.type === 'paragraph') {
    container.children.push(child);
  } else {
    // Problems sections hold items only inside aspect blocks; 'other' sections hold no items.
    throw new Error(`internal: item pushed onto a ${container.kind} section`);
  }
}

/** The first numbered child decides how a container's children are numbered. */
function adoptStyle(container: Container, style: ListStyle | 'section'): void {
  if (container.listStyle === 'none' && style !== 'section' && style !== 'none') container.listStyle = style;
}
