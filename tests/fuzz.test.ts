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

/** Values String() cannot print: they made `dispatch` throw before it was hardened. */
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const unprintable: unknown[] = [{ toString: 1 }, { toString: {}, valueOf: {} }, { toString: () => ({}), valueOf: () => ({}) }, Object.create(null), Symbol('channel'), 10n, () => 'teams.list'];
/** Values no bridge can carry, which fast-check cannot hold either (it inspects its values). */
const exotic: unknown[] = [
  revoked.proxy,
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      getPrototypeOf: () => {
        throw new Error('trap');
      },
      ownKeys: () => {
        throw new Error('trap');
      },
    },
  ),
];

describe('fuzzing dispatch itself with any value at all', () => {
  /** Every refusal is bilingual and never internal; a refusal writes nothing; success moves the baseline. */
  async function check(channel: unknown, input: unknown): Promise<void> {
    let result;
    try {
      result = await dispatch(app.ctx, channel, input);
    } catch (error) {
      throw new Error(`dispatch threw: ${String(error)}`, { cause: error });
    }
    const sqlite = app.ctx.sqlite;
    const moved = totalChanges(sqlite) !== changes;
    changes = totalChanges(sqlite);
    if (result.ok) {
      if (moved) baseline = contentHash(sqlite);
      return;
    }
    if (!isBilingualRefusal(result.error)) throw new Error(`not a bilingual refusal: ${JSON.stringify(result.error).slice(0, 300)}`);
    if (result.error.code === 'internal') throw new Error(`internal error: ${result.error.messageEn.slice(0, 300)}`);
    if (moved && contentHash(sqlite) !== baseline) throw new Error(`a refused call changed the data (${result.error.code})`);
  }

  it('never throws for a channel or input that String() cannot print', async () => {
    for (const value of [...unprintable, ...exotic]) {
      await check(value, {});
      await check('teams.create', value);
      await check('teams.create', { name: value, organ: value, unit: value });
      await check(value, value);
    }
    expect(await dispatch(app.ctx, { toString: 1 }, {})).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
  });

  it('any JSON value as channel and as input: no throw, bilingual refusals, nothing written when refused', async () => {
    const channel = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...channelNames), fc.constantFrom(...unprintable));
    await fc.assert(
      fc.asyncProperty(channel, fc.jsonValue({ maxDepth: 4 }), async (name, input) => check(name, input)),
      { numRuns: RUNS * 10, endOnFailure: true },
    );
  });

  it('every channel with any JSON value as input (what a body parsed by the harness can hold)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.jsonValue({ maxDepth: 4 }), async (name, input) => check(name, input)),
      { numRuns: RUNS * 10, endOnFailure: true },
    );
  });
});

describe('names that hide characters, through the real channels', () => {
  it('refuses a team or member name with NUL, a broken character or a direction override, in both languages, writing nothing', async () => {
    const team = (app.ctx.sqlite.prepare('SELECT id FROM teams ORDER BY id LIMIT 1').get() as { id: number }).id;
    const before = contentHash(app.ctx.sqlite);
    for (const name of ['张\u0000伟', '张\uD83D伟', '\u202E伟张', '李\u2066娜\u2069']) {
      for (const [channel, input] of [
        ['teams.create', { name, organ: 'other', unit: '' }],
        ['members.create', { teamId: team, name, position: '副书记', role: 'deputy', portfolio: '' }],
      ] as const) {
        const result = await dispatch(app.ctx, channel, input);
        expect(result.ok, `${channel} ${JSON.stringify(name)}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalidInput');
        expect(result.error.fields?.[0]).toMatchObject({ path: 'name', message: expect.stringMatching(/^姓名含有|^班子名称含有/), messageEn: expect.stringMatching(/^(Name|Team name) contains /) });
      }
    }
    expect(contentHash(app.ctx.sqlite)).toBe(before);
  });
});
