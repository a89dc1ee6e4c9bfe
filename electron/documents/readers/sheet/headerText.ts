/**
 * Comparing column headers the way a person would. Headers typed by hand differ from ours in width (（）vs ()), in
 * spaces and line breaks (「责任\n领导」), in required-field stars (「*问题表现」) and in added notes
 * (「整改时限（必填）」); none of that should stop an import.
 */

/** Canonical form: NFKC (full-width to half-width), no whitespace at all, no star marks or final colon, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[*※]+|[*※]+$/g, '')
    .replace(/:$/, '')
    .toLowerCase();
}

/** The normalized header without a trailing note in brackets: 「整改时限(必填)」 → 「整改时限」. */
export function withoutNote(normalized: string): string {
  const stripped = normalized.replace(/(?:\([^()]*\)|【[^【】]*】|\[[^[\]]*\])$/, '');
  return stripped === '' ? normalized : stripped;
}
