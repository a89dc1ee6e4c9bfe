// Render a material as plain text with generated numbering. The output parses back to the same
// tree (parseOutline(toText(m)) ≅ m), which is what makes it safe as a copy/paste and export format.
//
// toLines gives the same output as typed lines (what kind of paragraph, its generated marker, its
// node), so the Word export, the editor's live preview and the version diff all share one layout.
import type { AspectBlock, Item, ItemChild, ListStyle, Material, NodeId, Paragraph, Section } from './model';
import { defaultStyleBelow, headingLevelOf, listMarker, sectionMarker } from './numbering';

const HEADING_END = /[。！？：!?:]$/;
const SENTENCE_END = /[。；！？：;!?:”’」』）)】〕]$/;
const WORD_CUE = /^(?:首先|其次|再次|最后|一方面|另一方面)/;
const INLINE_STYLES: ReadonlySet<ListStyle> = new Set(['cn-shi', 'cn-yao', 'cn-di', 'circled']);

/**
 * One output paragraph. Its text is `lead + marker + heading + text`:
 * - 'title': a line of the title block;
 * - 'heading': a numbered heading of outline `level` 1–4 (一、 （一） 1. （1）); `heading` is the
 *   heading as written and `text` the body run in after it ('' when the heading stands alone);
 * - 'body': a body paragraph; inline markers (一是) are in `marker`, a lead-in paragraph glued in
 *   front of them (突出表现在：) is in `lead`.
 * `nodeId` is the node the paragraph starts with (null for the title and the opening).
 */
export interface OutlineLine {
  kind: 'title' | 'heading' | 'body';
  level: number;
  lead: string;
  marker: string;
  heading: string;
  text: string;
  nodeId: NodeId | null;
}

/** The paragraph as plain text. */
export const lineText = (line: OutlineLine): string => line.lead + line.marker + line.heading + line.text;

/**
 * Collects output lines. `glue` holds text that must share a paragraph with the next line: a
 * lead-in such as 突出表现在： stays in front of its 一是…, where the parser found it.
 */
class Writer {
  readonly lines: OutlineLine[] = [];
  private pending: string | null = null;

  line(line: Partial<Omit<OutlineLine, 'lead'>> & Pick<OutlineLine, 'nodeId'>): void {
    this.lines.push({ kind: 'body', level: 0, marker: '', heading: '', text: '', ...line, lead: this.pending ?? '' });
    this.pending = null;
  }

  paragraphs(text: string, nodeId: NodeId | null, kind: 'title' | 'body' = 'body'): void {
    for (const l of text.split('\n')) this.line({ kind, text: l, nodeId });
  }

  glue(text: string): void {
    this.pending = text;
  }
}

export function toText(material: Material): string {
  return toLines(material).map(lineText).join('\n') + '\n';
}

export function toLines(material: Material): OutlineLine[] {
  const w = new Writer();
  if (material.title !== '') w.paragraphs(material.title, null, 'title');
  if (material.opening !== '') w.paragraphs(material.opening, null);
  let n = 0;
  for (const section of material.sections) renderSection(w, section, () => ++n);
  return w.lines;
}

function renderSection(w: Writer, section: Section, nextNumber: () => number): void {
  let skip = 0;
  // The headless closing section (以上…请批评指正) has no heading and takes no number.
  if (!(section.kind === 'other' && section.heading === '')) {
    const heading = { kind: 'heading' as const, level: 1, marker: sectionMarker(nextNumber()), heading: section.heading, nodeId: section.id };
    // Text that followed a heading ending in 。/： in the same paragraph goes back there.
    const first = section.children[0];
    if (HEADING_END.test(section.heading) && first?.type === 'paragraph' && !first.text.includes('\n')) {
      w.line({ ...heading, text: first.text });
      skip = 1;
    } else {
      w.line(heading);
    }
  }
  if (section.kind === 'problems') {
    const children = section.children.slice(skip);
    let n = 0;
    children.forEach((child, i) => {
      if (child.type === 'paragraph') {
        const next = children[i + 1];
        renderParagraph(w, child, next?.type === 'aspect' && next.heading === '' && startsInline(next.children, next.listStyle));
      } else {
        renderBlock(w, child, child.heading === '' ? 0 : ++n);
      }
    });
  } else {
    renderChildren(w, section.children.slice(skip), section.listStyle, 1);
  }
}

function renderBlock(w: Writer, block: AspectBlock, n: number): void {
  if (block.heading !== '') w.line({ kind: 'heading', level: 2, marker: listMarker('cn-paren', n), heading: block.heading, nodeId: block.id });
  renderChildren(w, block.children, block.listStyle, 2);
}

/** Whether the first of `children` is written after an inline marker or a cue word. */
function startsInline(children: ItemChild[], style: ListStyle): boolean {
  const first = children[0];
  if (!first || first.type !== 'item') return false;
  return INLINE_STYLES.has(style) || (style === 'none' && isCueItem(first));
}

function isCueItem(item: Item): boolean {
  return WORD_CUE.test(item.text) && item.heading === '' && item.children.length === 0;
}

function renderParagraph(w: Writer, p: Paragraph, glueToNext: boolean): void {
  if (glueToNext && !p.text.includes('\n')) w.glue(p.text);
  else w.paragraphs(p.text, p.id);
}

/** Children of a container at heading level `level` (1 = section). */
function renderChildren(w: Writer, children: ItemChild[], style: ListStyle, level: number): void {
  const effective = usableStyle(style, level);
  let n = 0;
  let cueRun: CueRun | null = null; // word-cue items (首先…其次…) share one paragraph
  children.forEach((child, i) => {
    if (child.type === 'paragraph') {
      cueRun = flushRun(w, cueRun);
      renderParagraph(w, child, startsInline(children.slice(i + 1), effective));
      return;
    }
    if (effective === 'none' && isCueItem(child)) {
      const text = itemBody(child).join('');
      cueRun = cueRun === null ? { text, nodeId: child.id } : { ...cueRun, text: cueRun.text + text };
      return;
    }
    cueRun = flushRun(w, cueRun);
    renderItem(w, child, listMarker(effective, ++n), headingLevelOf(effective), level);
  });
  flushRun(w, cueRun);
}

interface CueRun {
  text: string;
  nodeId: NodeId;
}

function flushRun(w: Writer, run: CueRun | null): null {
  if (run !== null) w.line({ text: run.text, nodeId: run.nodeId });
  return null;
}

/** `headingLevel`: outline level of the marker's style (null for inline markers); `level`: the container's. */
function renderItem(w: Writer, item: Item, marker: string, headingLevel: number | null, level: number): void {
  const body = itemBody(item);
  const first = { nodeId: item.id, marker, ...(headingLevel === null ? {} : { kind: 'heading' as const, level: headingLevel }) };
  const rest = (lines: string[]) => lines.forEach((text) => w.line({ text, nodeId: item.id }));
  if (item.heading !== '') {
    if (HEADING_END.test(item.heading) && body.length > 0) {
      w.line({ ...first, heading: item.heading, text: body[0] });
      rest(body.slice(1));
    } else {
      w.line({ ...first, heading: item.heading });
      rest(body);
    }
  } else if (body.length > 0) {
    w.line({ ...first, text: body[0] });
    rest(body.slice(1));
  } else {
    w.line(first);
  }
  renderChildren(w, item.children, item.listStyle, headingLevel ?? level);
}

/**
 * Paragraphs of an item's text followed by its examples. An example runs on after text that ends a
 * sentence (比如 must follow 。 to be read as an example again); otherwise it starts a paragraph.
 */
function itemBody(item: Item): string[] {
  const paras = item.text === '' ? [] : item.text.split('\n');
  for (const example of item.examples) {
    const lines = example.text.split('\n');
    const last = paras.length - 1;
    if (last >= 0 && SENTENCE_END.test(paras[last])) paras[last] += lines[0];
    else paras.push(lines[0]);
    paras.push(...lines.slice(1));
  }
  return paras;
}

/** A heading style must sit deeper than its container; otherwise use the next level down. */
function usableStyle(style: ListStyle, level: number): ListStyle {
  const styleLevel = headingLevelOf(style);
  return styleLevel !== null && styleLevel <= level ? defaultStyleBelow(level) : style;
}
