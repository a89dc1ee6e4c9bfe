import { ApiCallError, call } from '../../api/client';
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../../../electron/common/encryption/limits';

export { call, PASSPHRASE_MAX, PASSPHRASE_MIN };

/** Characters as people count them (a Chinese character or an emoji is one), as the backend counts them. */
export const charCount = (value: string): number => [...value].length;

export type PassphraseProblem = 'tooShort' | 'tooLong' | 'control' | null;

/** The same rules as the backend's, checked before sending so the user sees them at once. */
export function passphraseProblem(value: string): PassphraseProblem {
  const n = charCount(value);
  if (n < PASSPHRASE_MIN) return 'tooShort';
  if (n > PASSPHRASE_MAX) return 'tooLong';
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'control';
  return null;
}

/** Whether a refused call carries this error code. */
export const hasCode = (error: unknown, code: string): boolean => error instanceof ApiCallError && error.body.code === code;

export { isSubmitKey } from '../../utils/ime';
