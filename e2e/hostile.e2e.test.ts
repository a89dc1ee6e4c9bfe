import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKind } from '../db/cipher';
import type { ChannelName } from '../electron/common/api';
import { contentHash } from '../tests/fuzzKit';
import { loadDemoMeeting, startE2E, type E2E } from './fixture';

/**
 * `npm start` serves the real handlers on 127.0.0.1, and any page the user opens in the same browser can send
 * requests there. Here a page on another origin (a second local server on another port), a sandboxed frame and a local
 * .html file (both Origin `null`) try every write a page can send: fetch no-cors and cors, XHR, beacons, form posts
 * (text/plain, urlencoded, multipart), and including the bridge script. Nothing may change, and the app must stay up.
 */

let e: E2E;
let hostile: http.Server;
let hostileUrl = '';
let attackerContext: BrowserContext;
/** Every write the issue saw succeed, with inputs valid for the demo data, so a missing check would show. */
let attacks: { channel: ChannelName; input: unknown }[] = [];

const backupsDir = () => path.join(e.dir, 'backups');
const backupNames = () => (fs.existsSync(backupsDir()) ? fs.readdirSync(backupsDir()).sort() : []);
const hash = () => contentHash(e.harness.connection.sqlite);

/** The attacker's script: runs in the hostile page, in a sandboxed frame and in a file:// page alike. */
function attackScript(target: string, list: { channel: string; input: unknown }[]): string {
  return `
(async () => {
  const target = ${JSON.stringify(target)};
  const attacks = ${JSON.stringify(list)};
  const url = target + '/__harness/invoke';
  const tries = [];
  const attempt = (p) => tries.push(Promise.resolve().then(p).then(() => 'sent', (err) => 'blocked: ' + err));
  const formPost = (enctype, fields) => new Promise((resolve) => {
    const name = 'f' + Math.random().toString(36).slice(2);
    const frame = document.createElement('iframe');
    frame.name = name;
    frame.onload = () => resolve('loaded');
    document.body.appendChild(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = url;
    form.enctype = enctype;
    form.target = name;
    for (const [k, v] of fields) { const i = document.createElement('input'); i.name = k; i.value = v; form.appendChild(i); }
    document.body.appendChild(form);
    form.submit();
    setTimeout(() => resolve('no load event'), 5000);
  });
  for (const { channel, input } of attacks) {
    const old = JSON.stringify({ channel, input });
    const bare = JSON.stringify(input);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json']) {
      attempt(() => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': type, 'x-jingjian-channel': channel }, body: old }));
      attempt(() => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': type, 'x-jingjian-channel': channel }, body: bare }));
    }
    // Needs a preflight, which is never granted.
    attempt(() => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-jingjian-channel': channel, 'x-jingjian-token': 'guess' }, body: bare }));
    attempt(() => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: old }));
    attempt(() => fetch(url, { method: 'POST', credentials: 'include', body: new Blob([old], { type: 'text/plain' }) }));
    attempt(() => new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('content-type', 'text/plain');
      xhr.onload = resolve;
      xhr.onerror = () => reject(new Error('xhr'));
      xhr.send(old);
    }));
    attempt(() => navigator.sendBeacon(url, new Blob([old], { type: 'text/plain' })) || Promise.reject(new Error('beacon refused')));
    attempt(() => navigator.sendBeacon(url, old));
    // The classic JSON-by-form trick: name + '=' + value reads as one JSON object.
    attempt(() => formPost('text/plain', [[old.slice(0, -1) + ',"pad":"', '"}']]));
    attempt(() => formPost('application/x-www-form-urlencoded', [['channel', channel], ['input', bare]]));
    attempt(() => formPost('multipart/form-data', [['channel', channel], ['input', bare]]));
  }
  // Take the bridge itself: the harness gives its script to no other site, and the secret is not in it anyway.
  attempt(() => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = target + '/__harness/bridge.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('bridge refused'));
    document.head.appendChild(script);
  }).then(async () => {
    for (const { channel, input } of attacks) await window.jingjian.invoke(channel, input);
  }));
  // Frame the app (refused by frame-ancestors) or open it, and reach into it: the browser forbids both.
  attempt(() => new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.src = target + '/';
    frame.onload = () => { try { frame.contentWindow.jingjian.invoke('teams.list', {}); resolve(); } catch (err) { reject(err); } };
    document.body.appendChild(frame);
    setTimeout(() => reject(new Error('no load event')), 5000);
  }));
  const results = await Promise.all(tries);
  document.body.dataset.bridge = typeof window.jingjian;
  document.body.dataset.done = String(results.length);
  window.results = results;
})();`;
}

function hostilePage(target: string, list: { channel: string; input: unknown }[]): string {
  const script = attackScript(target, list);
  return `<!doctype html><html><head><title>hostile</title></head><body>
<p>Nothing to see here.</p>
<script>${script}</script>
<iframe id="sandboxed" sandbox="allow-scripts allow-forms" srcdoc="${`<body><script>${script.replace('document.body.dataset.done', 'document.body.dataset.done')}</script></body>`.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>
</body></html>`;
}

/** Every request the attacker's browser sends to the app, so the test waits until each was answered or failed. */
function trackRequests(context: BrowserContext, target: string): Request[] {
  const seen: Request[] = [];
  context.on('request', (request) => {
    if (request.url().startsWith(target)) seen.push(request);
  });
  return seen;
}

beforeAll(async () => {
  e = await startE2E();
  await loadDemoMeeting(e);
  const sqlite = e.harness.connection.sqlite;
  // Items of an agreed list cannot be deleted by anyone: take those of a draft list.
  const items = sqlite.prepare("SELECT i.id FROM rectification_items i JOIN rectification_lists l ON l.id = i.list_id WHERE l.status = 'draft' ORDER BY i.id").all() as { id: number }[];
  const meeting = sqlite.prepare('SELECT id FROM meetings ORDER BY id LIMIT 1').get() as { id: number };
  const opinions = sqlite.prepare('SELECT id FROM opinions WHERE meeting_id = ? ORDER BY id').all(meeting.id) as { id: number }[];
  expect(items.length).toBeGreaterThan(0);
  const attack = (channel: ChannelName, input: unknown) => ({ channel, input });
  attacks = [
    ...items.slice(0, 3).map((item) => attack('rectification.deleteItem', { itemId: item.id })),
    attack('opinions.delete', { meetingId: meeting.id, ids: opinions.map((o) => o.id).slice(0, 5) }),
    attack('backup.setPolicy', { daily: 1, weekly: 0 }),
    attack('encryption.enable', { passphrase: 'hostile-page-passphrase', confirm: 'hostile-page-passphrase' }),
    attack('teams.create', { name: '恶意页面建的班子', organ: 'other', unit: '' }),
    attack('settings.update', { locale: 'en' }),
  ];
  hostile = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostilePage(e.harness.url, attacks));
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as { port: number }).port}`;
  // The attacker's pages run in the same browser, without the fixture's request filter in the way.
  attackerContext = await e.browser.newContext();
}, 120_000);

afterAll(async () => {
  await attackerContext?.close();
  await new Promise((resolve) => hostile?.close(resolve));
  await e?.close();
});

describe('a hostile page in the same browser', () => {
  it('changes nothing through any write it can send, and the app stays up', async () => {
    const before = { hash: hash(), backups: backupNames(), kind: fileKind(path.join(e.dir, 'jingjian.sqlite')) };
    expect(before.kind).toBe('plain');
    const requests = trackRequests(attackerContext, e.harness.url);

    // From another origin (another port), with a sandboxed frame inside (Origin null).
    const page = await attackerContext.newPage();
    await page.goto(`${hostileUrl}/`);
    await page.waitForSelector('body[data-done]', { timeout: 60_000 });
    await page.frameLocator('#sandboxed').locator('body[data-done]').waitFor({ timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-bridge')).toBe('undefined');

    // From a local .html file (Origin null).
    const file = path.join(e.dir, 'hostile.html');
    fs.writeFileSync(file, hostilePage(e.harness.url, attacks));
    const local = await attackerContext.newPage();
    await local.goto(`file://${file}`);
    await local.waitForSelector('body[data-done]', { timeout: 60_000 });

    // Every request the attacker sent was answered or failed before anything is compared.
    await Promise.all(requests.map((request) => request.response()));
    const statuses = await Promise.all(requests.map(async (request) => `${(await request.response())?.status() ?? 0} ${request.method()} ${request.url().slice(e.harness.url.length)}`));
    expect(requests.length).toBeGreaterThan(attacks.length * 10);
    // No call is answered; only the app's page itself is served, which the browser then refuses to show in a frame.
    expect(statuses.filter((s) => s.startsWith('200 ') && s !== '200 GET /')).toEqual([]);
    expect(statuses.filter((s) => s.includes('/__harness/invoke')).every((s) => /^(0|403|405|415) /.test(s)), statuses.join('\n')).toBe(true);

    expect(hash()).toBe(before.hash);
    expect(backupNames()).toEqual(before.backups);
    expect(fileKind(path.join(e.dir, 'jingjian.sqlite'))).toBe('plain');

    // The harness is up and the app's own page still works with the same calls.
    await e.reload();
    const teams = (await e.page.evaluate(() => window.jingjian.invoke('teams.list', {}))) as { ok: boolean; value: { name: string }[] };
    expect(teams.ok).toBe(true);
    expect(teams.value.map((t) => t.name)).not.toContain('恶意页面建的班子');
    expect(e.pageErrors).toEqual([]);
  });

  it('sent writes that were valid: the same calls from the app itself do change the data', async () => {
    for (const attack of attacks) {
      const before = hash();
      const result = (await e.page.evaluate(([c, i]) => window.jingjian.invoke(c, i as never), [attack.channel, attack.input] as const)) as { ok: boolean; error?: { message: string } };
      expect(result.ok, `${attack.channel}: ${result.error?.message}`).toBe(true);
      if (attack.channel !== 'encryption.enable') expect(hash(), attack.channel).not.toBe(before);
    }
    expect(backupNames().length).toBeLessThanOrEqual(2);
    expect(fileKind(path.join(e.dir, 'jingjian.sqlite'))).toBe('encrypted');
  });
});
