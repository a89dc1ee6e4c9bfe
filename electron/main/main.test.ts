import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../common/security';
import { isTrustedSender, registerApi } from './ipc';
import { menuTemplate } from './menu';
import { resolveAppFile, serveAppFile } from './protocol';
import { denyPermissions, hardenContents, isAppUrl, secureWebPreferences, windowOptions } from './window';
import { fitToScreens, loadWindowState, saveWindowState, DEFAULT_BOUNDS } from './windowState';
import { openTestApp } from '../handlers/testing';
import { dispatch } from '../handlers/dispatch';

vi.mock('electron', () => ({}));

describe('secure window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = secureWebPreferences('/app/preload/index.js');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false });
    expect(windowOptions('/app/preload', DEFAULT_BOUNDS).webPreferences?.preload).toBe(path.join('/app/preload', 'index.cjs'));
  });

  it('denies navigation away from the app, redirects, webviews and new windows', () => {
    const listeners: Record<string, (event: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => {
        listeners[name] = fn;
      },
      setWindowOpenHandler: (fn: () => { action: string }) => {
        openHandler = fn;
      },
    };
    hardenContents(contents as never);
    const attempt = (name: string, url: string) => {
      const event = { preventDefault: vi.fn() };
      listeners[name](event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', `${APP_ORIGIN}/index.html#/teams`)).toBe(false);
    expect(attempt('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(attempt('will-attach-webview', '')).toBe(true);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('refuses every permission request', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
      setDevicePermissionHandler: (fn: never) => (handlers.device = fn),
    };
    denyPermissions(session as never);
    const callback = vi.fn();
    handlers.request(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check(null, 'notifications')).toBe(false);
    expect(handlers.device({})).toBe(false);
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('jingjian://evil/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('custom protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-proto-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');

  it('serves files inside the renderer folder with the CSP header', async () => {
    const response = serveAppFile(root, `${APP_ORIGIN}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe('console.log(1)');
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
  });

  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/index.html%00.js`,
    'jingjian://other/index.html',
    'file:///etc/passwd',
    `${APP_ORIGIN}/%E0%A4%A`,
  ])('refuses %s', (url) => {
    expect(serveAppFile(root, url).status).toBe(404);
  });
});

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  it('trusts only the top frame of the app', () => {
    expect(isTrustedSender(frame(`${APP_ORIGIN}/index.html`) as never)).toBe(true);
    expect(isTrustedSender(frame(`${APP_ORIGIN}/index.html`, {}) as never)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/') as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });

  it('registers one handler that refuses strangers and validates input before any handler runs', async () => {
    const app = await openTestApp();
    let registered: ((event: unknown, channel: unknown, input: unknown) => Promise<unknown>) | undefined;
    registerApi({ handle: (_name: string, fn: never) => (registered = fn) } as never, (channel, input) => dispatch(app.ctx, channel, input));
    expect(await registered!(frame('https://evil.example/'), 'teams.list', {})).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    expect(await registered!(frame(`${APP_ORIGIN}/`), 'teams.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await registered!(frame(`${APP_ORIGIN}/`), 'teams.list', {})).toEqual({ ok: true, value: [] });
    await app.close();
  });
});

describe('menu and window state', () => {
  it('has a Chinese menu whose commands are fixed strings', () => {
    const sent: string[] = [];
    const template = menuTemplate((c) => sent.push(c), false);
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    const file = template[0].submenu as { label?: string; click?: () => void }[];
    file.find((i) => i.label === '设置')!.click!();
    expect(sent).toEqual(['go-settings']);
  });

  it('remembers size and position, and ignores a damaged state file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-ws-'));
    expect(loadWindowState(dir)).toEqual(DEFAULT_BOUNDS);
    saveWindowState(dir, { width: 1200, height: 800, x: 10, y: 20, maximized: false });
    expect(loadWindowState(dir)).toEqual({ width: 1200, height: 800, x: 10, y: 20, maximized: false });
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"width":"huge"');
    expect(loadWindowState(dir)).toEqual(DEFAULT_BOUNDS);
    const offscreen = fitToScreens({ width: 1200, height: 800, x: 5000, y: 0 }, [{ x: 0, y: 0, width: 1920, height: 1080 }]);
    expect(offscreen.x).toBeUndefined();
  });
});

describe('preload', () => {
  it('exposes only invoke and onCommand, never ipcRenderer', async () => {
    const exposed: Record<string, unknown> = {};
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() };
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer }));
    vi.resetModules();
    await import('../preload/index');
    expect(Object.keys(exposed)).toEqual(['jingjian']);
    const bridge = exposed.jingjian as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onCommand']);
    expect(Object.values(bridge).includes(ipcRenderer)).toBe(false);
    await (bridge.invoke as (c: string, i: unknown) => Promise<unknown>)('teams.list', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('jingjian:invoke', 'teams.list', {});
    vi.doUnmock('electron');
  });

  it('ships a CSP in the HTML that allows nothing remote', () => {
    const html = fs.readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});
