import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../electron/common/api';
import { dispatch } from '../electron/handlers/dispatch';
import { openDemoApp } from '../electron/handlers/testing';
import { contentHash, isBilingualRefusal, payloadsFor, totalChanges } from './fuzzKit';

/**
 * Every channel of the contract (read at run time, so new features are covered as they land) gets hostile payloads
 * through the real dispatch on the demo database. Rules: dispatch never throws, a refusal is bilingual and never an
 * internal error, and a refused payload changes no row of any table. `npm run soak` runs many more.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/** Outcomes by kind: the fuzzing must reach the handlers, not only bounce off validation. */
const outcomes: Record<string, number> = {};

let app: Awaited<ReturnType<typeof openDemoApp>>;
let baseline = '';
let changes = 0;

beforeAll(async () => {
  app = await openDemoApp();
  baseline = contentHash(app.ctx.sqlite);
  changes = totalChanges(app.ctx.sqlite);
}, 60_000);
afterAll(async () => {
  await app.ctx.connection.close();
  await app.close();
});

describe('fuzzing every channel', () => {
  it('covers the whole contract', () => {
    expect(channelNames.length).toBeGreaterThan(20);
  });

  for (const channel of channelNames) {
    it(`${channel}: no crash, bilingual refusals, nothing written when refused`, async () => {
      const schema = contract[channel].input;
      await fc.assert(
        fc.asyncProperty(payloadsFor(schema), async (payload) => {
          let result;
          try {
            result = await dispatch(app.ctx, channel, payload);
          } catch (error) {
            throw new Error(`dispatch threw for ${channel}: ${String(error)}`, { cause: error });
          }
          const sqlite = app.ctx.sqlite;
          const moved = totalChanges(sqlite) !== changes;
          changes = totalChanges(sqlite);
          const kind = result.ok ? 'ok' : result.error.code === 'invalidInput' ? 'invalidInput' : 'refusedByHandler';
          outcomes[kind] = (outcomes[kind] ?? 0) + 1;
          if (result.ok) {
            if (moved) baseline = contentHash(sqlite);
            return;
          }
          if (!isBilingualRefusal(result.error)) throw new Error(`not a bilingual refusal: ${JSON.stringify(result.error).slice(0, 300)}`);
          if (result.error.code === 'internal') throw new Error(`internal error: ${result.error.messageEn.slice(0, 300)}`);
          if (moved && contentHash(sqlite) !== baseline) throw new Error(`a refused payload changed the data (${result.error.code})`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it('reached the handlers with payloads that passed validation', () => {
    console.info('fuzz outcomes', outcomes);
    expect(outcomes.ok ?? 0).toBeGreaterThan(channelNames.length);
    expect(outcomes.refusedByHandler ?? 0).toBeGreaterThan(10);
    expect(outcomes.invalidInput ?? 0).toBeGreaterThan(channelNames.length * RUNS * 0.3);
  });

  it('refuses unknown channels and non-string channel names', async () => {
    for (const name of ['', 'teams', 'teams.drop', '__proto__', 'constructor', 'toString', 42, null, { a: 1 }]) {
      const result = await dispatch(app.ctx, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
    }
  });
});
