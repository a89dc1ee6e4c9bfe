/**
 * HTML → PDF through Chromium's own printing (webContents.printToPDF), in a hidden window that runs no script and
 * has its own in-memory session (its own handler of the app scheme), locked down like the main one: no request
 * leaves the machine, no permission is granted.
 */
import crypto from 'node:crypto';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_SCHEME } from '../common/security';
import { lockDownSession } from './window';

type WindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindowType;

export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'jingjian-print', webSecurity: true },
};

/** What the print page may load: nothing but its own inline styles. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Pages waiting to be printed, by one-time token; each lives only while its window prints it. */
const pages = new Map<string, string>();

/**
 * The page is served from memory by the print session's own handler of the app scheme: never a file (the security
 * checklist forbids file://) and never a data: URL, which Chromium refuses over 2 MB, a size a list of a few hundred
 * items in Chinese already reaches once URL-encoded.
 */
function servePage(url: string): Response {
  const token = /^[a-z]+:\/\/print\/([0-9a-f]{32})\.html$/.exec(url)?.[1];
  const html = token ? pages.get(token) : undefined;
  if (html === undefined) return new Response('', { status: 404 });
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PRINT_CSP } });
}

/** A4 landscape with 「第 N 页 共 M 页」 centred in the footer, as units print their lists. */
export async function htmlToPdf(html: string, BrowserWindow: WindowCtor): Promise<Uint8Array> {
  const token = crypto.randomBytes(16).toString('hex');
  const window = new BrowserWindow(PRINT_WINDOW_OPTIONS);
  try {
    const { session } = window.webContents;
    if (!session.protocol.isProtocolHandled(APP_SCHEME)) {
      // First use of the partition in this run: lock it down before anything loads in it.
      lockDownSession(session);
      session.protocol.handle(APP_SCHEME, (request) => servePage(request.url));
    }
    pages.set(token, html);
    await window.loadURL(`${APP_SCHEME}://print/${token}.html`);
    const pdf = await window.webContents.printToPDF({
      landscape: true,
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;text-align:center;font-size:9pt;font-family:SimSun,serif">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
    });
    return new Uint8Array(pdf);
  } finally {
    pages.delete(token);
    window.destroy();
  }
}
