import { ElMessage } from 'element-plus';
import { withoutHiddenCharacters } from '../../../electron/common/hiddenCharacters';
import { i18n } from '../i18n';

function editable(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  return target instanceof HTMLInputElement && !target.readOnly && !target.disabled && target.type !== 'password' && target.type !== 'file';
}

/**
 * Text pasted from a PDF, a web page or a chat may carry characters nobody sees (U+202E reverses what follows, NUL,
 * broken emoji halves); the channels refuse them, so an autosave of such a paste would fail. They are taken out as
 * the text is pasted, through the browser's own insertion (undo and the input events stay as for any paste), and the
 * user is told how many went.
 */
export function cleanPastedText(event: ClipboardEvent): number {
  if (!editable(event.target)) return 0;
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  const { text, removed } = withoutHiddenCharacters(pasted);
  if (removed === 0) return 0;
  event.preventDefault();
  event.target.focus();
  document.execCommand('insertText', false, text);
  return removed;
}

export function installPasteGuard(doc: Document = document): void {
  doc.addEventListener(
    'paste',
    (event) => {
      const removed = cleanPastedText(event);
      if (removed > 0) ElMessage({ type: 'warning', message: i18n.global.t('app.pasteCleaned', { n: removed }), duration: 5000, grouping: true });
    },
    true,
  );
}
