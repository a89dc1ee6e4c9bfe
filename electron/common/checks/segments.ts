// What of a material the similarity check reads: the author's own words. The title, the section headings
// (一、存在的主要问题 …) and the aspect headings (（一）在…方面, set by the meeting's notice and shared by every member)
// are fixed wording and are left out, and so are the opening (按照…部署…现对照检查如下：, usually the template the
// office hands out to every member) and the headless closing formula (以上…请批评指正).
import type { ItemChild, Material } from '../materials/model';
import type { TextSegment } from './normalize';

export function materialSegments(material: Material): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (nodeId: string | null, text: string) => {
    if (text.trim() !== '') out.push({ nodeId, text });
  };
  const children = (list: ItemChild[]) => {
    for (const c of list) {
      if (c.type === 'paragraph') push(c.id, c.text);
      else {
        push(c.id, c.heading === '' ? c.text : `${c.heading}${c.text}`);
        for (const e of c.examples) push(e.id, e.text);
        children(c.children);
      }
    }
  };
  for (const section of material.sections) {
    if (section.kind === 'other' && section.heading === '') continue;
    for (const child of section.children) {
      if (child.type === 'aspect') children(child.children);
      else if (child.type === 'paragraph') push(child.id, child.text);
      else children([child]);
    }
  }
  return out;
}

/** Paragraphs of a plain text (a library file, a talk record). */
export function textSegments(text: string): TextSegment[] {
  return text
    .split(/\n+/)
    .filter((t) => t.trim() !== '')
    .map((t) => ({ nodeId: null, text: t }));
}
