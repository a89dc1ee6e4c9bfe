import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../electron/common/api';
import { openDemoApp, type TestApp } from '../../../../electron/handlers/testing';
import { predictCursor } from './predict';

let app: TestApp & { ids: { meetingId: number } };
beforeEach(async () => {
  app = await openDemoApp();
});
afterEach(async () => {
  await app.close();
});

describe('the banner guessed before main answers F8', () => {
  it('names the speaker and item main then stores, through a whole meeting of F8, Shift+F8 and Ctrl+F8', async () => {
    const meetingId = app.ids.meetingId;
    let state = await app.must('minutes.prepare', { meetingId });
    const steps: Input<'minutes.advance'>['to']['mode'][] = ['nextSpeaker', 'nextSpeaker', 'nextSpeaker', 'previousSpeaker', 'nextItem', 'nextSpeaker', 'previousSpeaker', 'previousSpeaker', 'nextItem'];
    for (let i = 0; i < 40; i++) steps.push(i % 7 === 3 ? 'previousSpeaker' : 'nextSpeaker');
    let guessed = 0;
    for (const mode of steps) {
      const guess = predictCursor(state, { mode } as Input<'minutes.advance'>['to']);
      const answer = await app.must('minutes.advance', { meetingId, to: { mode } as Input<'minutes.advance'>['to'] });
      if (guess) {
        guessed++;
        expect({ itemId: guess.itemId, speakerIndex: guess.speakerIndex, memberId: guess.speech?.memberId, guestName: guess.speech?.guestName, role: guess.speech?.role }, mode).toEqual({
          itemId: answer.cursor.itemId,
          speakerIndex: answer.cursor.speakerIndex,
          memberId: answer.cursor.speech?.memberId,
          guestName: answer.cursor.speech?.guestName,
          role: answer.cursor.speech?.role,
        });
      } else {
        // No guess only where main ends the meeting or stays without a speaker.
        expect(answer.cursor.speech).toBeNull();
      }
      state = answer;
      if (!state.cursor.itemId) break;
    }
    expect(guessed).toBeGreaterThan(20);
  });
});
