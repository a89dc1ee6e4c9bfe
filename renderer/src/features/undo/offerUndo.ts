import { h } from 'vue';
import { ElButton, ElMessage, ElNotification } from 'element-plus';
import type { UndoList } from '../../../../electron/common/undo/vocab';
import { UNDO_OFFER_MS } from '../../../../electron/common/undo/vocab';
import { call } from '../../api/client';
import { i18n } from '../../i18n';
import { attempt } from '../../utils/errors';

interface Offer {
  list: UndoList;
  meetingId: number;
  /** What was just done, in words: 「已删除 2 条意见」. */
  label: string;
  /** Reloads what the screen shows once the rows are back. */
  undone: () => void | Promise<void>;
}

let close: (() => void) | null = null;

/** Ctrl+Z outside a text field (inside one it stays the field's own undo). */
function isEditing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/**
 * After a delete, merge or split: a toast with 「撤销」 (and Ctrl+Z) for a few seconds. A newer offer replaces the
 * previous one; the server undoes only the last action of the list, and refuses when its rows changed since.
 */
export function offerUndo(offer: Offer): void {
  close?.();
  const t = i18n.global.t;
  let active = true;
  const undo = async () => {
    if (!active) return;
    dismiss();
    const result = await attempt(() => call('undo.apply', { list: offer.list, meetingId: offer.meetingId }));
    if (!result) return;
    ElMessage({ type: 'success', message: t('undo.done', { label: i18n.global.locale.value === 'en' ? result.label.en : result.label.zh }), duration: 3000 });
    await offer.undone();
  };
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !isEditing(event.target)) {
      event.preventDefault();
      void undo();
    }
  };
  const notification = ElNotification({
    type: 'success',
    position: 'bottom-right',
    duration: UNDO_OFFER_MS,
    title: t('undo.offer', { label: offer.label, seconds: UNDO_OFFER_MS / 1000 }),
    message: h('div', { class: 'undo-offer' }, [
      h(ElButton, { size: 'small', type: 'primary', 'data-testid': 'undo-button', 'aria-keyshortcuts': 'Control+Z', onClick: () => void undo() }, () => `${t('undo.action')}（${t('undo.shortcut')}）`),
    ]),
    onClose: () => dismiss(),
  });
  function dismiss() {
    if (!active) return;
    active = false;
    window.removeEventListener('keydown', onKey);
    notification.close();
    if (close === dismiss) close = null;
  }
  window.addEventListener('keydown', onKey);
  close = dismiss;
}
