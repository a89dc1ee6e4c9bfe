/** What revision r of an entry must read: the writer types it, the kill test recomputes it to compare. */
export const textFor = (key: string, revision: number): string => `${key}：${'批评意见要点，'.repeat(revision % 40)}第${revision}稿`;
