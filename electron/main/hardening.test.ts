import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../common/security';
import { secureWebPreferences } from './window';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item, for what
 * electron/main/main.test.ts does not already cover (items 2–6, 8, 9, 12–14, 17 and the protocol's path traversal
 * are there). Main is started for real here with `electron` mocked, so the wiring in index.ts is tested too.
 */

const repo = path.resolve(import.meta.dirname, '../..');
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|vue|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(rel);
  }
  return out;
}
const appSources = () => [...sourceFiles('electron'), ...sourceFiles('renderer/src'), ...sourceFiles('harness')];

interface Started {
  onBeforeRequest: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  windows: { options: { webPreferences?: Record<string, unknown> }; loaded: string[] }[];
  invoke: (event: unknown, channel: unknown, input: unknown) => Promise<unknown>;
  privileged: unknown[];
  userData: string;
}

/** Imports electron/main/index.ts against a fake Electron and waits until its start() has loaded the window. */
async function startMain(prepare?: (userData: string) => void): Promise<Started> {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-main-'));
  prepare?.(userData);
  const started: Partial<Started> = { windows: [], privileged: [], userData };
  let loaded!: () => void;
  const done = new Promise<void>((resolve) => (loaded = resolve));
  class FakeWindow {
    webContents = { send: vi.fn() };
    record: Started['windows'][number];
    constructor(options: Started['windows'][number]['options']) {
      this.record = { options, loaded: [] };
      started.windows!.push(this.record);
    }
    maximize() {}
    once() {}
    on() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
      loaded();
    }
  }
  vi.doMock('electron', () => ({
    app: {
      requestSingleInstanceLock: () => true,
      on: vi.fn(),
      quit: vi.fn(),
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getVersion: () => '0.1.0',
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: { handle: (_name: string, fn: Started['invoke']) => (started.invoke = fn) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => t },
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => started.privileged!.push(...list), handle: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (fn: Started['onBeforeRequest']) => (started.onBeforeRequest = fn) },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
  }));
  vi.resetModules();
  await import('./index');
  await done;
  return started as Started;
}

const appFrame = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };

afterEach(() => {
  vi.doUnmock('electron');
});

describe('Electron security checklist', () => {
  it('1, 18: loads only its own custom protocol (privileged, secure, standard), never file:// or http', async () => {
    const main = await startMain();
    expect(main.windows[0].loaded).toEqual([`${APP_ORIGIN}/index.html`]);
    expect(main.privileged).toEqual([{ scheme: 'jingjian', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    for (const file of appSources()) {
      const text = fs.readFileSync(path.join(repo, file), 'utf8');
      expect(text, file).not.toMatch(/\.loadFile\(|loadURL\(\s*['"`](file|https?):/);
    }
  });

  it('no network: the session cancels every request that is not the app protocol', async () => {
    const main = await startMain();
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      main.onBeforeRequest({ url }, (r) => (answer = r.cancel));
      return answer;
    };
    for (const url of ['https://example.com/a.js', 'http://127.0.0.1:5170/', 'file:///etc/passwd', 'ws://localhost/', 'data:text/html,x', 'https://fonts.googleapis.com/css']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled(`${APP_ORIGIN}/assets/app.js`)).toBe(false);
  });

  it("no network in the print window either: its own partition answers every URL as the main session does", async () => {
    const main = await startMain();
    const { htmlToPdf } = await import('./print');
    type Filter = Started['onBeforeRequest'];
    let printFilter: Filter | undefined;
    const denied: string[] = [];
    const session = {
      protocol: { isProtocolHandled: () => printFilter !== undefined, handle: vi.fn() },
      webRequest: { onBeforeRequest: (fn: Filter) => (printFilter = fn) },
      setPermissionRequestHandler: (fn: (c: unknown, p: string, cb: (g: boolean) => void) => void) => fn(null, 'camera', (g) => !g && denied.push('request')),
      setPermissionCheckHandler: (fn: () => boolean) => !fn() && denied.push('check'),
      setDevicePermissionHandler: (fn: () => boolean) => !fn() && denied.push('device'),
    };
    class PrintWindow {
      webContents = { session, printToPDF: async () => Buffer.from('%PDF') };
      async loadURL() {}
      destroy() {}
    }
    await htmlToPdf('<p>x</p>', PrintWindow as never);
    const answer = (filter: Filter, url: string) => {
      let cancel: boolean | undefined;
      filter({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of ['https://example.com/a.js', 'http://127.0.0.1:5170/', 'file:///etc/passwd', 'ws://localhost/', 'data:text/html,x', 'blob:null/1', `${APP_ORIGIN}/index.html`, 'jingjian://print/0.html']) {
      expect(answer(printFilter!, url), url).toBe(answer(main.onBeforeRequest, url));
    }
    expect(denied).toEqual(['request', 'check', 'device']);
  });

  it('2–4, 6, 8–10: every window gets the secure preferences, without Blink feature switches', async () => {
    const main = await startMain();
    const prefs = main.windows[0].options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(secureWebPreferences('/p')).not.toHaveProperty('enableBlinkFeatures');
    for (const file of appSources()) expect(fs.readFileSync(path.join(repo, file), 'utf8'), file).not.toMatch(/enableBlinkFeatures|<webview|allowpopups/);
  });

  it('7: a strict CSP in the built HTML and the protocol headers: nothing remote, no eval', () => {
    const html = fs.readFileSync(path.join(repo, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const policy of [meta!, CONTENT_SECURITY_POLICY]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
      expect(policy).toMatch(/connect-src 'self'/);
    }
  });

  it('15: shell.openExternal is never used (so never with content from the data)', () => {
    for (const file of appSources()) {
      const text = fs.readFileSync(path.join(repo, file), 'utf8');
      expect(text, file).not.toMatch(/openExternal|openPath\(|shell\.open/);
    }
  });

  it('16: a current Electron major version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(pkg.devDependencies.electron)?.[0])).toBeGreaterThanOrEqual(38);
  });

  it('17, 20: IPC answers only the app frame, and main refuses unknown senders even in recovery mode', async () => {
    const main = await startMain((userData) => fs.writeFileSync(path.join(userData, 'jingjian.sqlite'), Buffer.alloc(8192, 0x33)));
    expect(await main.invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'recovery.status', {})).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    // A damaged data file starts recovery mode: the recovery channel answers, the others are refused clearly.
    expect(await main.invoke(appFrame, 'recovery.status', {})).toMatchObject({ ok: true, value: { mode: 'recovery' } });
    expect(await main.invoke(appFrame, 'teams.list', {})).toMatchObject({ ok: false, error: { code: 'db.recovery' } });
    // And the damaged file was not replaced by a new empty database.
    expect(fs.readFileSync(path.join(main.userData, 'jingjian.sqlite')).every((b) => b === 0x33)).toBe(true);
  });

  it('starts normally on a good file and takes the daily backup', async () => {
    const main = await startMain();
    expect(await main.invoke(appFrame, 'recovery.status', {})).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(await main.invoke(appFrame, 'teams.list', {})).toEqual({ ok: true, value: [] });
    expect(fs.readdirSync(path.join(main.userData, 'backups')).some((n) => n.startsWith('jingjian-daily-'))).toBe(true);
  });

  it('20: the preload exposes one object through contextBridge and nothing else', () => {
    const preload = fs.readFileSync(path.join(repo, 'electron/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

describe('19: Electron fuses in the packaging config', () => {
  const yml = fs.readFileSync(path.join(repo, 'build/electron-builder.yml'), 'utf8');
  const fuse = (name: string) => new RegExp(`^\\s+${name}:\\s*(\\w+)\\s*$`, 'm').exec(yml)?.[1];

  it('turns off Node-as-app, NODE_OPTIONS and inspect; loads only from an integrity-checked asar', () => {
    expect(yml).toMatch(/^electronFuses:\s*$/m);
    expect(fuse('runAsNode')).toBe('false');
    expect(fuse('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(fuse('enableNodeCliInspectArguments')).toBe('false');
    expect(fuse('onlyLoadAppFromAsar')).toBe('true');
    expect(fuse('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(fuse('enableCookieEncryption')).toBe('true');
    expect(yml).toMatch(/^asar: true$/m);
  });

  it('gives file:// pages no privileges beyond a browser (the app never loads file://)', () => {
    expect(fuse('grantFileProtocolExtraPrivileges')).toBe('false');
  });

  it('packages the app for Windows, macOS and Linux with its icon, and no update feed', () => {
    expect(yml).toMatch(/^appId: cn\.jingjian\.app$/m);
    expect(yml).toMatch(/^productName: 镜鉴$/m);
    expect(yml).toMatch(/target: nsis\s+arch: \[x64\]/);
    expect(yml).toMatch(/target: \[dmg\]/);
    expect(yml).toMatch(/target: AppImage\s+arch: \[x64, arm64\]/);
    expect(yml).toMatch(/target: deb/);
    expect(yml).toMatch(/^publish: null$/m);
    const png = fs.readFileSync(path.join(repo, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
