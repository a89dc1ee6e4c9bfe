import type Database from 'better-sqlite3-multiple-ciphers';
import type { undoApi, UndoList } from '../../common/api/undo';
import type { Bilingual } from '../../common/validation';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../types';
import { journal, replay, rowImage, type Journal } from './journal';

/**
 * How long an action stays undoable on the server. The renderer offers 「撤销」 for UNDO_OFFER_MS; this leaves room
 * for a slow click, and the row check below keeps a late undo from overwriting anything done since.
 */
export const UNDO_KEEP_MS = 60_000;

interface Undoable extends Journal {
  label: Bilingual;
  at: number;
}

/** The last undoable action per list and meeting, per connection (a restored file starts with none). */
const lastActions = new WeakMap<Database.Database, Map<string, Undoable>>();
const keyOf = (list: UndoList, meetingId: number) => `${list}:${meetingId}`;

/**
 * Runs a destructive handler with the journal on and keeps its inverse as the list's last undoable action.
 * `meetingId` null (the record does not exist) runs the handler alone: it refuses by itself.
 */
export async function withUndo<T>(ctx: HandlerContext, list: UndoList, meetingId: number | null, label: Bilingual, action: () => Promise<T>): Promise<T> {
  if (meetingId === null) return action();
  const { result, journal: done } = await journal(ctx.sqlite, action);
  const sqlite = ctx.sqlite;
  // Kept only once the call commits: a refused or rolled-back action leaves the previous one undoable.
  ctx.afterCommit(() => {
    const store = lastActions.get(sqlite) ?? new Map<string, Undoable>();
    lastActions.set(sqlite, store);
    store.set(keyOf(list, meetingId), { ...done, label, at: Date.now() });
  });
  return result;
}

/** Drops every undoable action of this connection (tests start from a freshly seeded demo with none). */
export function forgetUndo(ctx: HandlerContext): void {
  lastActions.delete(ctx.sqlite);
}

export const undoHandlers: HandlerMap<typeof undoApi> = {
  'undo.apply'(ctx, input) {
    const store = lastActions.get(ctx.sqlite);
    const key = keyOf(input.list, input.meetingId);
    const entry = store?.get(key);
    if (!entry || Date.now() - entry.at > UNDO_KEEP_MS) {
      throw new AppError('undo.unavailable', '没有可以撤销的操作：撤销须在删除、合并或拆分后随即进行', 'Nothing to undo: undo is offered right after a delete, merge or split');
    }
    if (entry.rows.some((r) => rowImage(ctx.sqlite, r.table, r.rowid) !== r.image)) {
      store!.delete(key);
      throw new AppError('undo.stale', '相关记录在此之后又有修改，无法撤销；请手工恢复', 'The records were changed since, so this cannot be undone; restore them by hand');
    }
    if (replay(ctx.sqlite, entry) > 0) {
      throw new AppError('undo.conflict', '撤销后的记录引用了已删除的内容（如已删除的成员），未撤销', 'Undoing would restore records that point at something deleted since; nothing was undone');
    }
    ctx.afterCommit(() => store!.delete(key));
    return { label: entry.label };
  },
};
