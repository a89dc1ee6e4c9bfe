// Without zod so the renderer can use it without loading the contract.

/** The lists whose last destructive action (delete, merge, split) can be undone for a short while. */
export const UNDO_LISTS = ['opinions', 'talks', 'minutes', 'rectification'] as const;
export type UndoList = (typeof UNDO_LISTS)[number];

/** How long the renderer offers 「撤销」; the server keeps the action a little longer (see UNDO_KEEP_MS). */
export const UNDO_OFFER_MS = 8000;
