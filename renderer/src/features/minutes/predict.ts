import type { Cursor, MinutesConsole } from '../../../../electron/common/api/minutes';
import type { Input } from '../../../../electron/common/api';

type Target = Input<'minutes.advance'>['to'];

/**
 * Where F8, Shift+F8 and Ctrl+F8 lead, worked out from the agenda on screen exactly as main does it
 * (electron/handlers/minutes/flow.ts), so the banner names the next speaker at once instead of after main has stored
 * the change and sent the whole record back; main's answer then replaces the guess (predict.test.ts holds the two
 * together). null when there is nothing to guess (the meeting would end, an item or speaker chosen by hand).
 */
export function predictCursor(state: MinutesConsole, to: Target, now = new Date()): Cursor | null {
  const items = state.agenda;
  const at = items.findIndex((i) => i.id === state.cursor.itemId);
  const index = state.cursor.speakerIndex;
  const firstOf = (from: number) => {
    for (let i = Math.max(0, from); i < items.length; i++) if (items[i].speakers.length > 0) return { item: items[i], index: 0 };
    return null;
  };
  let next: { item: MinutesConsole['agenda'][number]; index: number } | null;
  switch (to.mode) {
    case 'nextSpeaker':
      if (at < 0) next = firstOf(0);
      else if (index + 1 < items[at].speakers.length && index >= 0) next = { item: items[at], index: index + 1 };
      else next = firstOf(at + 1);
      break;
    case 'previousSpeaker': {
      if (at < 0) return null;
      if (index > 0) next = { item: items[at], index: index - 1 };
      else {
        const prev = items.slice(0, at).findLastIndex((i) => i.speakers.length > 0);
        next = prev < 0 ? { item: items[at], index: 0 } : { item: items[prev], index: items[prev].speakers.length - 1 };
      }
      break;
    }
    case 'nextItem':
      next = firstOf(at + 1);
      break;
    default:
      return null;
  }
  const speaker = next?.item.speakers[next.index];
  if (!next || !speaker) return null;
  return {
    itemId: next.item.id,
    speakerIndex: next.index,
    // The speech has no id until main stores it; an entry typed meanwhile is given the real one by main.
    speech: { id: -1, agendaItemId: next.item.id, memberId: speaker.memberId, guestName: speaker.guestName, role: speaker.role, startedAt: now.toISOString(), endedAt: null },
    draftEntryId: state.cursor.draftEntryId,
  };
}
