// An import that cannot be read: a stable code for programs, a message in Chinese for the user and
// its English twin for logs and the English UI.
export class ReaderError extends Error {
  readonly code: string;
  readonly messageEn: string;

  constructor(code: string, zh: string, en: string) {
    super(zh);
    this.name = 'ReaderError';
    this.code = code;
    this.messageEn = en;
  }

  /** Plain data for crossing the IPC bridge (Error objects lose their fields there). */
  toJSON(): { code: string; message: string; messageEn: string } {
    return { code: this.code, message: this.message, messageEn: this.messageEn };
  }
}
