/** What crosses the bridge: never an exception. */
export interface ApiErrorBody {
  code: string;
  /** Chinese message for people. */
  message: string;
  /** The same message in English. */
  messageEn: string;
  /** Per-field problems for forms, when the input was invalid. */
  fields?: { path: string; message: string; messageEn: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** An error a handler raises on purpose; dispatch turns it into `{ ok: false }`. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'AppError';
  }
}

export const notFound = (what: { zh: string; en: string }, id: number | string): AppError =>
  new AppError('notFound', `${what.zh}（编号 ${id}）不存在，可能已被删除`, `${what.en} #${id} does not exist; it may have been deleted`);
