/**
 * After a search hit opens a workspace section, the matched text is marked where it appears and scrolled into view.
 * The CSS Custom Highlight API marks text without touching the section's DOM, so it works on every section, whoever
 * wrote it; sections may also honour `?focus=<id>&kind=<kind>` themselves.
 */
export const HIGHLIGHT_NAME = 'jj-search-hit';
const WAIT_MS = 4000;

function findText(root: Node, needle: string): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const folded = needle.toLowerCase();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').toLowerCase().indexOf(folded);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return range;
    }
  }
  // Inputs and text areas (the minutes composer, editors) hold their text outside the DOM tree.
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.ws-body textarea, .ws-body input')) {
    if (field.value.toLowerCase().includes(folded)) {
      field.scrollIntoView({ block: 'center' });
      return null;
    }
  }
  return null;
}

let stop: (() => void) | null = null;

/** Marks and scrolls to the first occurrence of `text` in the workspace once the section has rendered it. */
export function highlightInPlace(text: string): void {
  stop?.();
  const highlights = (globalThis.CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  highlights?.delete(HIGHLIGHT_NAME);
  if (!text) return;
  let done = false;
  const attemptMark = () => {
    if (done) return;
    const root = document.querySelector('.ws-body');
    if (!root) return;
    const range = findText(root, text);
    if (!range) return;
    done = true;
    const HighlightCtor = (globalThis as unknown as { Highlight?: new (range: Range) => unknown }).Highlight;
    if (highlights && HighlightCtor) highlights.set(HIGHLIGHT_NAME, new HighlightCtor(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    document.body.dataset.searchFocus = text;
    stop?.();
  };
  const observer = new MutationObserver(attemptMark);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const timer = window.setTimeout(() => stop?.(), WAIT_MS);
  stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    stop = null;
  };
  attemptMark();
}
