import path from 'node:path';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../common/security';

/** The only web preferences a Jingjian window ever gets (Electron security checklist items 2–6, 8, 9). */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function windowOptions(preloadDir: string, bounds: { width: number; height: number; x?: number; y?: number }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '镜鉴 · 民主生活会',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: false,
    // electron-vite emits the sandboxed preload as CommonJS (index.cjs).
    webPreferences: secureWebPreferences(path.join(preloadDir, 'index.cjs')),
  };
}

/** True only for our own UI, served from the custom protocol. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, no webviews (checklist items 12–14). */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every permission request (camera, notifications, geolocation…) is refused: the app needs none (checklist item 5). */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Only the app's own protocol (and the developer tools) may be requested: nothing leaves the machine. */
export const isAllowedRequest = (url: string): boolean => url.startsWith(`${APP_SCHEME}:`) || url.startsWith('devtools:');

/**
 * What every session a window of ours uses gets, the main one and the print window's own partition alike: every
 * request that is not the app's protocol is cancelled, and every permission refused.
 */
export function lockDownSession(session: Session): void {
  denyPermissions(session);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
