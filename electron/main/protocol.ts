import fs from 'node:fs';
import path from 'node:path';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../common/security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * Maps a jingjian://app/… URL to a file inside the renderer folder. Anything else — another host, an encoded `..`,
 * a NUL byte, an absolute path — resolves to null and is answered 404.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rendererDir);
  const target = path.resolve(root, `.${pathname === '/' || pathname === '' ? '/index.html' : pathname}`);
  return target.startsWith(root + path.sep) ? target : null;
}

/** The protocol handler's answer, as a plain function of the request URL so it is tested without Electron. */
export function serveAppFile(rendererDir: string, url: string): Response {
  const file = resolveAppFile(rendererDir, url);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('Not found', { status: 404 });
  return new Response(fs.readFileSync(file), {
    status: 200,
    headers: {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}
