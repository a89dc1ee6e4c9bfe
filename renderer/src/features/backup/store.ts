import { call, callResult } from '../../api/client';
import type { RecoveryStatus } from '../../../../electron/common/api/backup';

/** Asked once at start: in recovery mode the app shows only the recovery screen. */
export async function recoveryStatus(): Promise<RecoveryStatus> {
  const result = await callResult('recovery.status', {});
  return result.ok ? result.value : { mode: 'normal' };
}

export const formatBytes = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export { call };
