/**
 * Cleaning user text before it goes into XML. The docx library escapes & < > but passes every other character
 * through, and XML 1.0 forbids most C0 controls: one stray U+0001 pasted from a PDF would make Word report the whole
 * file as corrupt. We never rewrite the author's words; we only drop characters that cannot be stored.
 */

// C0 controls other than tab/LF/CR, DEL and C1 controls (never meaningful in Chinese text; usually mojibake),
// and the two non-characters XML forbids.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
// A surrogate half without its partner is not a character at all and is invalid in XML.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Everything that means "new line" in text pasted from Word (VT is Word's manual line break, FF its page break),
// from Windows (CRLF), old Mac (CR) or Unicode (NEL, LS, PS).
const LINE_BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;

/**
 * Returns text that is safe inside w:t: invalid characters removed, every kind of line break turned into "\n"
 * (rendered as w:br), tabs kept (rendered as w:tab).
 */
export function sanitizeText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(FORBIDDEN_CHARS, '').replace(LONE_SURROGATES, '');
}

/** Text split into lines, each line split at tabs, after sanitizing. Always at least one line with one piece. */
export function splitLinesAndTabs(text: string): string[][] {
  return sanitizeText(text)
    .split('\n')
    .map((line) => line.split('\t'));
}
