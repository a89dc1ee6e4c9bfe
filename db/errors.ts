/** An error the data layer raises on purpose, with a message for people in Chinese and English. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'DbError';
  }
}
