import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Connection } from '../db/connection';
import type { FileService } from '../electron/handlers/context';
import { cleanTempFiles, folderFiles } from '../electron/handlers/files';
import { openHost, type Host } from '../electron/host';
import { CONTENT_SECURITY_POLICY } from '../electron/common/security';
import { allowedHost, CHANNEL_HEADER, checkCall, checkDownload, DOWNLOAD_PATH, Downloads, fromForeignPage, InFlight, newToken, refusals, TOKEN_META, type Refusal } from './gate';
import { loadDemo } from '../seeds/demo';

export interface HarnessOptions {
  dbFile: string;
  staticDir: string;
  exportDir: string;
  port?: number;
  now?: () => Date;
  files?: FileService;
}

export interface Harness {
  url: string;
  /** The open database (a new one after a restore); throws while the app is in recovery mode. */
  readonly connection: Connection;
  host: Host;
  /** Bytes of request bodies being received or handled now (bounded by IN_FLIGHT_LIMIT). */
  readonly bodyBytes: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};
const bridgeScript = fs.readFileSync(new URL('./bridge.js', import.meta.url));

function reviveBytes(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const b64 = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof b64 === 'string') return new Uint8Array(Buffer.from(b64, 'base64'));
  }
  return value;
}

function replaceBytes(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  return value;
}

/**
 * The files an answer says were saved (`{ saved: true, path }`, or `{ saved: true, files: [{ path, fileName }] }` for
 * one file per member), kept only when they are inside the exports folder and exist: what the browser downloads.
 */
export function savedFiles(value: unknown, exportDir: string): { file: string; name: string }[] {
  if (!value || typeof value !== 'object' || (value as { saved?: unknown }).saved !== true) return [];
  const { path: one, files } = value as { path?: unknown; files?: unknown };
  const candidates: unknown[] = typeof one === 'string' ? [one] : Array.isArray(files) ? files.map((f) => (f && typeof f === 'object' ? (f as { path?: unknown }).path : null)) : [];
  const base = path.resolve(exportDir) + path.sep;
  return candidates
    .filter((file): file is string => typeof file === 'string' && path.resolve(file).startsWith(base) && fs.existsSync(file) && fs.statSync(file).isFile())
    .map((file) => ({ file: path.resolve(file), name: path.basename(file) }));
}

/** Resolves a URL path inside the static folder; anything that escapes it is refused. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  const base = path.resolve(root);
  return target === base || target.startsWith(base + path.sep) ? target : null;
}

function refuse(res: http.ServerResponse, refusal: Refusal, close = false): void {
  if (res.headersSent) return;
  res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify({ ok: false, error: refusal.error }));
}

/** The page with the bridge in front of the app's own scripts, and this start's secret where only the page can read it. */
function withBridge(html: string, token: string): string {
  return html.replace('<head>', `<head><meta name="${TOKEN_META}" content="${token}"><script src="/__harness/bridge.js"></script>`);
}

/**
 * Serves the built renderer and answers `window.jingjian.invoke` with the real handlers on a real SQLite file, on
 * 127.0.0.1 only, so a browser (and Playwright) drives the real UI. Only the page it served may call the API: see
 * harness/gate.ts.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  cleanTempFiles(options.exportDir);
  // A damaged file starts recovery mode instead of failing or creating a new empty database.
  const apiHost = await openHost({ dataFile: options.dbFile, files: options.files ?? folderFiles(options.exportDir), appVersion: 'harness', now: options.now, loadDemo });
  const token = newToken();
  const inFlight = new InFlight();
  const downloads = new Downloads();

  /** Sends an offered export (see bridge.js): the page's own fetch with the secret, once. */
  function download(req: http.IncomingMessage, res: http.ServerResponse): void {
    const refused = checkDownload(req, token);
    if (refused) {
      refuse(res, refused);
      return;
    }
    const offered = downloads.take((req.url ?? '').slice(DOWNLOAD_PATH.length));
    if (!offered || !fs.existsSync(offered.file)) {
      refuse(res, refusals.downloadGone());
      return;
    }
    const bytes = fs.readFileSync(offered.file);
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.byteLength),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(offered.name)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Another site's page cannot even embed it (no-cors <img>/<script>).
      'cross-origin-resource-policy': 'same-origin',
    });
    res.end(bytes);
  }

  function invoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    const refused = checkCall(req, token);
    if (refused) {
      // The body is never read: the connection closes after the answer.
      refuse(res, refused, true);
      return;
    }
    const release = inFlight.reserve(Number(req.headers['content-length']));
    if (!release) {
      refuse(res, refusals.busy(), true);
      return;
    }
    res.on('close', release);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', release);
    req.on('end', () => {
      let input: unknown;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        // An empty body is a call without input (`invoke('app.info')`).
        input = text === '' ? undefined : JSON.parse(text, reviveBytes);
      } catch {
        refuse(res, refusals.badJson());
        return;
      }
      chunks.length = 0;
      // dispatch never throws; the catch is for the answer's serialisation, so that nothing can stop the server.
      apiHost
        .dispatch(req.headers[CHANNEL_HEADER], input)
        .then((result) => {
          // A saved export is also offered for download: the bridge fetches it and the browser saves it.
          const offers = result.ok ? savedFiles(result.value, options.exportDir).map(({ file, name }) => ({ url: DOWNLOAD_PATH + downloads.offer(file, name), name })) : [];
          const text = JSON.stringify(offers.length ? { ...result, downloads: offers } : result, replaceBytes);
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
          res.end(text);
        })
        .catch((error: unknown) => {
          console.error('harness: answer failed', error);
          refuse(res, { status: 500, error: { code: 'internal', message: '内部错误，请查看后台日志', messageEn: 'Internal error; see the backend log' } });
        });
    });
  }

  const server = http.createServer((req, res) => {
    req.on('error', () => undefined);
    if (!allowedHost(req)) {
      refuse(res, refusals.host(), true);
      return;
    }
    if (req.url === '/__harness/invoke') {
      // POST only; an OPTIONS preflight from another origin gets no Access-Control-* header, so the browser stops.
      if (req.method === 'POST') invoke(req, res);
      else refuse(res, refusals.method(), true);
      return;
    }
    if (req.method !== 'GET') {
      refuse(res, refusals.method(), true);
      return;
    }
    if (req.url?.startsWith(DOWNLOAD_PATH)) {
      download(req, res);
      return;
    }
    if (req.url === '/__harness/bridge.js') {
      // Only the app's own page loads the bridge; it holds no secret, but another site gets nothing of ours.
      if (fromForeignPage(req)) refuse(res, refusals.foreignOrigin());
      else res.writeHead(200, { 'content-type': MIME['.js'], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(bridgeScript);
      return;
    }
    const file = resolveStatic(options.staticDir, req.url ?? '/');
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    let content: Buffer | string = fs.readFileSync(file);
    const page = file.endsWith('index.html');
    // The bridge must exist before the app's module script runs.
    if (page) content = withBridge(content.toString('utf8'), token);
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      ...(page ? { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } : {}),
    });
    res.end(content);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    get connection() {
      const ctx = apiHost.context();
      if (!ctx) throw new Error('The harness is in recovery mode: no database is open');
      return ctx.connection;
    },
    host: apiHost,
    get bodyBytes() {
      return inFlight.bytes;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apiHost.close();
    },
  };
}
