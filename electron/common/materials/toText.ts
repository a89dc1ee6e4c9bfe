// Render a material as plain text with generated numbering. The output parses back to the same
// tree (parseOutline(toText(m)) ≅ m), which is what makes it safe as a copy/paste and export format.
import type { AspectBlock, Item, ItemChild, ListStyle, Material, Paragraph, Section } from './model';
import { defaultStyleBelow, headingLevelOf, listMarker, sectionMarker } from './numbering';

const HEADING_END = /[。！？：!?:]$/;
const SENTENCE_END = /[。；！？：;!?:”’」』）)】〕]$/;
const WORD_CUE = /^(?:首先|其次|再次|最后|一方面|另一方面)/;
const INLINE_STYLES: ReadonlySet<ListStyle> = new Set(['cn-shi', 'cn-yao', 'cn-di', 'circled']);

/**
 * Collects output lines. `glue` holds text that must share a paragraph with the next line: a
 * lead-in such as 突出表现在： stays in front of its 一是…, where the parser found it.
 */
class Writer {
  readonly lines: string[] = [];
  private pending: string | null = null;

  line(text: string): void {
    this.lines.push(this.pending === null ? text : this.pending + text);
    this.pending = null;
  }

  paragraphs(text: string): void {
    for (const l of text.split('\n')) this.line(l);
  }

  glue(text: string): void {
    this.pending = text;
  }
}

export function toText(material: Material): string {
  const w = new Writer();
  if (material.title !== '') w.paragraphs(material.title);
  if (material.opening !== '') w.paragraphs(material.opening);
  let n = 0;
  for (const section of material.sections) renderSection(w, section, () => ++n);
  return w.lines.join('\n') + '\n';
}

function renderSection(w: Writer, section: Section, nextNumber: () => number): void {
  let skip = 0;
  // The headless closing section (以上…请批评指正) has no heading and takes no number.
  if (!(section.kind === 'other' && section.heading === '')) {
    const heading = sectionMarker(nextNumber()) + section.heading;
    // Text that followed a heading ending in 。/： in the same paragraph goes back there.
    const first = section.children[0];
    if (HEADING_END.test(section.heading) && first?.type === 'paragraph' && !first.text.includes('\n')) {
      w.line(heading + first.text);
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
  if (block.heading !== '') w.line(listMarker('cn-paren', n) + block.heading);
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
  else w.paragraphs(p.text);
}

/** Children of a container at heading level `level` (1 = section). */
function renderChildren(w: Writer, children: ItemChild[], style: ListStyle, level: number): void {
  const effective = usableStyle(style, level);
  let n = 0;
  let cueRun: string | null = null; // word-cue items (首先…其次…) share one paragraph
  children.forEach((child, i) => {
    if (child.type === 'paragraph') {
      cueRun = flushRun(w, cueRun);
      renderParagraph(w, child, startsInline(children.slice(i + 1), effective));
      return;
    }
    if (effective === 'none' && isCueItem(child)) {
      const text = itemBody(child).join('');
      cueRun = cueRun === null ? text : cueRun + text;
      return;
    }
    cueRun = flushRun(w, cueRun);
    renderItem(w, child, listMarker(effective, ++n), headingLevelOf(effective) ?? level);
  });
  flushRun(w, cueRun);
}

function flushRun(w: Writer, run: string | null): null {
  if (run !== null) w.line(run);
  return null;
}

function renderItem(w: Writer, item: Item, marker: string, level: number): void {
  const body = itemBody(item);
  if (item.heading !== '') {
    if (HEADING_END.test(item.heading) && body.length > 0) {
      w.line(marker + item.heading + body[0]);
      body.slice(1).forEach((l) => w.line(l));
    } else {
      w.line(marker + item.heading);
      body.forEach((l) => w.line(l));
    }
  } else if (body.length > 0) {
    w.line(marker + body[0]);
    body.slice(1).forEach((l) => w.line(l));
  } else {
    w.line(marker);
  }
  renderChildren(w, item.children, item.listStyle, level);
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
