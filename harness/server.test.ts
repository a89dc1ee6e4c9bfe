import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentHash, isBilingualRefusal } from '../tests/fuzzKit';
import { BODY_LIMIT, bodyLimitFor, FILE_BODY_LIMIT, FILE_CHANNELS, IN_FLIGHT_LIMIT, InFlight } from './gate';
import { savedFiles, startHarness, type Harness } from './server';

/**
 * The harness's API as a hostile client sees it, request by request over real HTTP: only the page it served (its
 * origin, its secret, JSON) may call; every refusal is a bilingual JSON answer and changes no row; no body stops it.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string; messageEn: string } };
}

function request(url: string, options: { method?: string; path?: string; headers?: Record<string, string | undefined>; body?: string | Buffer }): Promise<Answer> {
  const target = new URL(options.path ?? '/__harness/invoke', url);
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let harness: Harness;
let other: Harness;
let token: string;
let otherToken: string;

async function tokenOf(h: Harness): Promise<string> {
  const page = await request(h.url, { method: 'GET', path: '/' });
  return /<meta name="jingjian-harness-token" content="([^"]+)">/.exec(page.text)?.[1] ?? '';
}

/** What the app's own page sends (see harness/bridge.js), with any header replaced or removed. */
function call(channel: string, input: unknown, change: Record<string, string | undefined> = {}, h = harness, secret = token) {
  const body = input === undefined ? '' : JSON.stringify(input);
  const host = new URL(h.url).host;
  return request(h.url, {
    headers: {
      host,
      origin: `http://${host}`,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-jingjian-token': secret,
      'x-jingjian-channel': channel,
      ...change,
    },
    body,
  });
}

const hash = () => contentHash(harness.connection.sqlite);
const aTeam = { name: '县委常委班子', organ: 'party_committee', unit: '' };

function expectRefusal(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = answer.json();
  expect(body.ok).toBe(false);
  expect(body.error?.code).toBe(code);
  expect(isBilingualRefusal(body.error!)).toBe(true);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-harness-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>镜鉴</title></head><body></body></html>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  harness = await startHarness({ dbFile: path.join(dir, 'a.sqlite'), staticDir, exportDir: path.join(dir, 'exports') });
  other = await startHarness({ dbFile: path.join(dir, 'b.sqlite'), staticDir, exportDir: path.join(dir, 'exports-b') });
  token = await tokenOf(harness);
  otherToken = await tokenOf(other);
  expect((await call('teams.create', aTeam)).json()).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  await harness.close();
  await other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the page and its secret', () => {
  it('serves a new secret of at least 128 bits with each start, in the page only, never in the bridge script', async () => {
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(otherToken).not.toBe(token);
    const page = await request(harness.url, { method: 'GET', path: '/' });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const bridge = await request(harness.url, { method: 'GET', path: '/__harness/bridge.js', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(bridge.status).toBe(200);
    expect(bridge.text).not.toContain(token);
    // The same static files as before, without the secret.
    const script = await request(harness.url, { method: 'GET', path: '/app.js' });
    expect(script.text).toBe('console.log(1)');
  });

  it('gives the bridge script to no other site (a <script src> from another page)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const answer = await request(harness.url, { method: 'GET', path: '/__harness/bridge.js', headers: { 'sec-fetch-site': site, 'sec-fetch-dest': 'script' } });
      expectRefusal(answer, 403, 'harness.foreignOrigin');
    }
  });

  it("answers the app's own calls", async () => {
    const teams = (await call('teams.list', {})).json();
    expect(teams).toMatchObject({ ok: true, value: [{ name: aTeam.name }] });
    expect((await call('recovery.status', {})).json()).toEqual({ ok: true, value: { mode: 'normal' } });
    // No input at all travels as an empty body, and meets the channel's schema like any other input.
    expect((await call('recovery.status', undefined)).json()).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });
});

describe('refuses every call that is not from its own page, before reading the body', () => {
  const write = { name: '被删除的班子', organ: 'party_committee', unit: '' };

  it('without the secret, with a wrong one, or with the secret of another start', async () => {
    const before = hash();
    for (const secret of [undefined, '', 'x', token.slice(1), `${token}x`, otherToken]) {
      expectRefusal(await call('teams.create', write, { 'x-jingjian-token': secret }), 403, 'harness.token');
    }
    expect(hash()).toBe(before);
  });

  it('from another origin: another port, a null origin (a local file), no Origin, another site by Sec-Fetch-Site', async () => {
    const before = hash();
    const port = Number(new URL(harness.url).port);
    for (const origin of [`http://127.0.0.1:${port + 1}`, 'null', undefined, 'http://evil.example', `https://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expectRefusal(await call('teams.create', write, { origin }), 403, 'harness.foreignOrigin');
    }
    for (const site of ['cross-site', 'same-site', 'none']) {
      expectRefusal(await call('teams.create', write, { 'sec-fetch-site': site }), 403, 'harness.foreignOrigin');
    }
    expect(hash()).toBe(before);
  });

  it('that is not application/json (what a form or a "simple" no-cors fetch can send)', async () => {
    const before = hash();
    for (const type of [undefined, 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/csp-report']) {
      expectRefusal(await call('teams.create', write, { 'content-type': type }), 415, 'harness.contentType');
    }
    // The secret is right, the type is too; only then is the body read.
    expect((await call('teams.list', {}, { 'content-type': 'application/json; charset=utf-8' })).json()).toMatchObject({ ok: true });
    expect(hash()).toBe(before);
  });

  it('never grants a preflight, and answers no other method or host', async () => {
    const preflight = await request(harness.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-jingjian-token' },
    });
    expectRefusal(preflight, 405, 'harness.method');
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expectRefusal(await request(harness.url, { method: 'GET' }), 405, 'harness.method');
    expectRefusal(await request(harness.url, { method: 'PUT', path: '/' }), 405, 'harness.method');
    expectRefusal(await call('teams.list', {}, { host: 'evil.example' }), 403, 'harness.host');
  });
});

describe('an export downloads, to its own page only', () => {
  /** What the bridge sends for an offered download (see harness/bridge.js), with any header replaced or removed. */
  const fetchDownload = (url: string, change: Record<string, string | undefined> = {}) =>
    request(harness.url, { method: 'GET', path: url, headers: { host: new URL(harness.url).host, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'x-jingjian-token': token, ...change } });

  async function exportBackup(): Promise<{ url: string; name: string; file: string }> {
    const answer = (await call('backup.now', {})).json() as { ok: boolean; value: { path: string }; downloads?: { url: string; name: string }[] };
    expect(answer.ok).toBe(true);
    expect(answer.downloads).toHaveLength(1);
    const [offer] = answer.downloads!;
    // Kept in the exports folder, offered under its own name at an address of 256 random bits.
    expect(path.dirname(answer.value.path)).toBe(path.join(dir, 'exports'));
    expect(offer.name).toBe(path.basename(answer.value.path));
    expect(offer.url).toMatch(/^\/__harness\/download\/[A-Za-z0-9_-]{43}$/);
    return { ...offer, file: answer.value.path };
  }

  it('offers the saved file once, with the secret, from the same origin, and never to anyone else', async () => {
    const offer = await exportBackup();
    const port = Number(new URL(harness.url).port);
    // Another site's page (by Sec-Fetch-Site or by Origin), a link opened without the secret, a wrong secret, another start's.
    const refused: [Record<string, string | undefined>, number, string][] = [
      [{ 'sec-fetch-site': 'cross-site' }, 403, 'harness.foreignOrigin'],
      [{ 'sec-fetch-site': 'same-site' }, 403, 'harness.foreignOrigin'],
      [{ 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }, 403, 'harness.foreignOrigin'],
      [{ origin: 'http://evil.example' }, 403, 'harness.foreignOrigin'],
      [{ origin: `http://127.0.0.1:${port + 1}` }, 403, 'harness.foreignOrigin'],
      [{ 'x-jingjian-token': undefined }, 403, 'harness.token'],
      [{ 'x-jingjian-token': `${token}x` }, 403, 'harness.token'],
      [{ 'x-jingjian-token': otherToken }, 403, 'harness.token'],
    ];
    for (const [change, status, code] of refused) {
      const answer = await fetchDownload(offer.url, change);
      expectRefusal(answer, status, code);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
    // A refusal does not use the offer up; a guessed address gets nothing.
    expectRefusal(await fetchDownload(`/__harness/download/${'A'.repeat(43)}`), 404, 'harness.downloadGone');
    const got = await fetchDownload(offer.url);
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(offer.name)}`);
    expect(got.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(Buffer.from(got.text, 'latin1').length).toBeGreaterThan(0);
    expect(Number(got.headers['content-length'])).toBe(fs.statSync(offer.file).size);
    // Once only; the file stays in the exports folder.
    expectRefusal(await fetchDownload(offer.url), 404, 'harness.downloadGone');
    expect(fs.existsSync(offer.file)).toBe(true);
    // Another start does not know it.
    const second = await exportBackup();
    expectRefusal(await request(other.url, { method: 'GET', path: second.url, headers: { host: new URL(other.url).host, 'sec-fetch-site': 'same-origin', 'x-jingjian-token': otherToken } }), 404, 'harness.downloadGone');
  });

  it('offers nothing for a refused call or for a file outside the exports folder', async () => {
    const refused = (await call('backup.preview', { name: 'jingjian-daily-20260101-000000.sqlite' })).json() as { ok: boolean; downloads?: unknown };
    expect(refused.ok).toBe(false);
    expect(refused.downloads).toBeUndefined();
    expect(savedFiles({ saved: true, path: path.join(dir, 'a.sqlite') }, path.join(dir, 'exports'))).toEqual([]);
    expect(savedFiles({ saved: true, path: path.join(dir, 'exports', '..', 'a.sqlite') }, path.join(dir, 'exports'))).toEqual([]);
    expect(savedFiles({ saved: false, path: path.join(dir, 'exports', 'x') }, path.join(dir, 'exports'))).toEqual([]);
  });
});

describe('any body: a clear refusal, never a crash', () => {
  it('null, arrays, numbers, strings, a channel object with a toString, deep nesting, broken JSON or UTF-8', async () => {
    const before = hash();
    const bodies = ['null', '[]', '[1,2]', '42', '-0', '"teams.create"', 'true', '{}', '{"toString":1}', '{"channel":{"toString":1},"input":{}}', '{"__proto__":{"x":1}}', `${'['.repeat(1000)}${']'.repeat(1000)}`, '{"$bytes":"!!!"}'];
    for (const body of bodies) {
      const sent = await request(harness.url, {
        headers: { host: new URL(harness.url).host, origin: harness.url, 'content-type': 'application/json', 'x-jingjian-token': token, 'x-jingjian-channel': 'teams.create', 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
      expect(sent.status, body.slice(0, 40)).toBe(200);
      expect(sent.json().ok, body.slice(0, 40)).toBe(false);
      expect(isBilingualRefusal(sent.json().error!)).toBe(true);
    }
    // Nesting deeper than the parser's stack is refused like broken JSON.
    for (const body of ['{', 'nul', '{"a":1}x', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`]) {
      const sent = await request(harness.url, {
        headers: { host: new URL(harness.url).host, origin: harness.url, 'content-type': 'application/json', 'x-jingjian-token': token, 'x-jingjian-channel': 'teams.create', 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
      expectRefusal(sent, 400, 'harness.badJson');
    }
    for (const channel of ['', 'teams', '__proto__', 'toString', '[object Object]']) {
      expect((await call(channel, {})).json()).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
    }
    expect(hash()).toBe(before);
    expect((await call('teams.list', {})).json()).toMatchObject({ ok: true });
  });
});

describe('bounded memory', () => {
  it('gives the large limit to the import channels only (read from the contract)', () => {
    expect([...FILE_CHANNELS].sort()).toEqual(
      [
        'backup.previewFile',
        'recovery.previewFile',
        'exchange.import',
        'exchange.importMaterial',
        'exchange.preview',
        'exchange.previewMaterial',
        'materials.parse',
        'opinions.importCommit',
        'opinions.importPreview',
        'rectification.importApply',
        'rectification.importPreview',
        // 佐证材料 travel with a progress entry or on their own; another source's list is an Excel file.
        'rectification.addProgress',
        'rectification.attachEvidence',
        'rectification.sourcePreview',
        'rectification.sourceImport',
        // The unit's library of earlier archives and 范文 for the similarity check.
        'checks.library.import',
        // The second recorder's minutes, an exchange file of the meeting.
        'minutes.mergePreview',
        'minutes.mergeApply',
      ].sort(),
    );
    expect(bodyLimitFor('exchange.import')).toBe(FILE_BODY_LIMIT);
    expect(bodyLimitFor('teams.create')).toBe(BODY_LIMIT);
    expect(bodyLimitFor(undefined)).toBe(BODY_LIMIT);
    expect(BODY_LIMIT).toBeLessThan(FILE_BODY_LIMIT);
  });

  it('refuses a body over its limit, or without a stated length, before reading it', async () => {
    expectRefusal(await call('teams.create', {}, { 'content-length': String(BODY_LIMIT + 1) }), 413, 'harness.tooLarge');
    expectRefusal(await call('exchange.import', {}, { 'content-length': String(FILE_BODY_LIMIT + 1) }), 413, 'harness.tooLarge');
    expectRefusal(await call('teams.create', {}, { 'content-length': undefined, 'transfer-encoding': 'chunked' }), 411, 'harness.lengthRequired');
  });

  it('holds at most its in-flight budget of large bodies: 16 parallel 58 MB imports, one read, the others refused "busy"', async () => {
    const size = 58 * 1024 * 1024;
    const host = new URL(harness.url).host;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pending: http.ClientRequest[] = [];
    const answers = Array.from(
      { length: 16 },
      () =>
        new Promise<Answer | 'aborted'>((resolve) => {
          const req = http.request(`${harness.url}/__harness/invoke`, {
            method: 'POST',
            headers: { host, origin: `http://${host}`, 'content-type': 'application/json', 'content-length': String(size), 'x-jingjian-token': token, 'x-jingjian-channel': 'exchange.import' },
          });
          pending.push(req);
          req.on('response', (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString(), json: () => JSON.parse(Buffer.concat(chunks).toString()) }));
          });
          req.on('error', () => resolve('aborted'));
          // A slow sender: one megabyte, then nothing more until the test ends it.
          req.write(chunk);
        }),
    );
    const settled: (Answer | 'aborted')[] = [];
    const refusedBusy = new Promise<void>((resolve) => {
      answers.forEach((a) =>
        void a.then((answer) => {
          settled.push(answer);
          if (settled.length === 16 - Math.floor(IN_FLIGHT_LIMIT / size)) resolve();
        }),
      );
    });
    await refusedBusy;
    for (const answer of settled) {
      expect(answer).not.toBe('aborted');
      expectRefusal(answer as Answer, 503, 'harness.busy');
    }
    // The one being read still waits for its body; when its sender goes away, its share of the budget comes back.
    expect(harness.bodyBytes).toBe(size);
    for (const req of pending) req.destroy();
    await Promise.all(answers);
    await vi.waitFor(() => expect(harness.bodyBytes).toBe(0));
    const again = await call('exchange.import', { bytes: { $bytes: 'UEsDBA==' }, existing: 'refuse' });
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ ok: false });
    expect(again.json().error?.code).not.toBe('harness.busy');
    expect((await call('teams.list', {})).json()).toMatchObject({ ok: true });
  });

  it('counts the budget per call and gives it back once', () => {
    const budget = new InFlight(100);
    const a = budget.reserve(60)!;
    expect(budget.reserve(60)).toBeNull();
    a();
    a();
    expect(budget.bytes).toBe(0);
    expect(budget.reserve(100)).not.toBeNull();
  });
});
