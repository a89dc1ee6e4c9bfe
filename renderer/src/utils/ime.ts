/**
 * Chinese input methods (pinyin, wubi): while a composition is open, every key belongs to the input method — Enter
 * confirms a candidate, Esc cancels it, digits pick one — and must never submit, switch speaker or change a field.
 * Chromium marks such keys with isComposing; some input methods only send keyCode 229 ("Process") for the key that
 * opens or closes the composition, so both are checked.
 */
export const isComposing = (event: KeyboardEvent): boolean => event.isComposing || event.keyCode === 229;

/** Enter submits, except while an input method is composing (Enter then picks the candidate). */
export const isSubmitKey = (event: KeyboardEvent): boolean => event.key === 'Enter' && !isComposing(event);
