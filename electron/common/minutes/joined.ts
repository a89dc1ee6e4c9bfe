/**
 * Two recorders' words kept side by side by a merge (「两者都保留」): this record's words, then the other recorder's in
 * a visible mark. The record is to hold one wording at 定稿, so the console names the entries still marked.
 */
const MARK = '〔另一台记录（';

export const joinTexts = (here: string, there: string, recorder: string): string => `${here}\n${MARK}${recorder}）：${there}〕`;

/** Whether an entry still holds both recorders' words as a merge joined them. */
export const isJoined = (text: string): boolean => text.includes(MARK);
