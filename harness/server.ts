import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Connection } from '../db/connection';
import type { FileService } from '../electron/handlers/context';
import { cleanTempFiles, folderFiles } from '../electron/handlers/files';
import { openHost, type Host } from '../electron/handlers/backup/host';
import { CONTENT_SECURITY_POLICY } from '../electron/common/security';

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
const MAX_BODY = 64 * 1024 * 1024;
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

/**
 * Serves the built renderer and answers `window.jingjian.invoke` with the real handlers on a real SQLite file, on
 * 127.0.0.1 only, so a browser (and Playwright) drives the real UI.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  cleanTempFiles(options.exportDir);
  // A damaged file starts recovery mode instead of failing or creating a new empty database.
  const apiHost = await openHost({ dataFile: options.dbFile, files: options.files ?? folderFiles(options.exportDir), appVersion: 'harness', now: options.now });
  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
      res.writeHead(403).end('forbidden host');
      return;
    }
    if (req.method === 'POST' && req.url === '/__harness/invoke') {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          res.writeHead(413).end();
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', async () => {
        let body: { channel?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'), reviveBytes);
        } catch {
          body = {};
        }
        const result = await apiHost.dispatch(body.channel, body.input);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(result, replaceBytes));
      });
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (req.url === '/__harness/bridge.js') {
      res.writeHead(200, { 'content-type': MIME['.js'] }).end(bridgeScript);
      return;
    }
    const file = resolveStatic(options.staticDir, req.url ?? '/');
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    let content: Buffer | string = fs.readFileSync(file);
    if (file.endsWith('index.html')) {
      // The bridge must exist before the app's module script runs.
      content = content.toString('utf8').replace('<head>', '<head><script src="/__harness/bridge.js"></script>');
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
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
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apiHost.close();
    },
  };
}
