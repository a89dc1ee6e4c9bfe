import { z } from 'zod';
import { channel } from './define';
import { id, oneOf } from '../validation';
import { UNDO_LISTS, UNDO_OFFER_MS, type UndoList } from '../undo/vocab';

export { UNDO_LISTS, UNDO_OFFER_MS, type UndoList };

export interface UndoResult {
  /** What was undone, in words: 「删除意见 2 条」. */
  label: { zh: string; en: string };
}

export const undoApi = {
  /**
   * Undoes the last destructive action (delete, merge, split) of a list of a meeting, if it was done a moment ago and
   * nothing has touched its rows since: the exact rows come back with their ids, in one transaction.
   */
  'undo.apply': channel(z.object({ list: oneOf({ zh: '列表', en: 'List' }, UNDO_LISTS), meetingId: id() }).strict()).returns<UndoResult>(),
};
