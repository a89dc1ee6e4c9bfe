/*
 * Who may call the browser harness's API. `npm start` serves the real handlers on 127.0.0.1, and any web page the
 * user opens in the same browser can send requests there: only the app's own page gets through. See SECURITY.md
 * ("The browser harness") for the threat model.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { z } from 'zod';
import { channelNames, contract } from '../electron/common/api';
import type { ApiErrorBody } from '../electron/common/result';

/** Headers the bridge sends with every call; a page of another origin cannot set them without a preflight. */
export const TOKEN_HEADER = 'x-jingjian-token';
export const CHANNEL_HEADER = 'x-jingjian-channel';
/** Where the served index.html carries the token, for the bridge to read once and remove. */
export const TOKEN_META = 'jingjian-harness-token';

const MB = 1024 * 1024;
/** Channels whose input carries a file (a Uint8Array, sent as base64): the only ones that get the large limit. */
export const FILE_BODY_LIMIT = 64 * MB;
/** Everything else: the longest text the contract allows (a material of 1,000,000 characters) fits with room. */
export const BODY_LIMIT = 16 * MB;
/** Bytes of request bodies held at once; a body that does not fit is refused "busy" before it is read. */
export const IN_FLIGHT_LIMIT = 96 * MB;

/** A new secret for each start of the harness: 256 random bits. */
export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

type Def = Record<string, unknown> & { type?: string };
const isSchema = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/** Whether a schema accepts bytes anywhere inside (z.instanceof(Uint8Array) is a `custom` schema). */
export function carriesBytes(schema: z.ZodType, seen = new Set<unknown>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type === 'custom') return true;
  const children: unknown[] = [];
  for (const [key, value] of Object.entries(def)) {
    // A refinement is a `custom` check too: only the schemas a value can be made of count.
    if (key === 'checks') continue;
    if (isSchema(value)) children.push(value);
    else if (Array.isArray(value)) children.push(...value.filter(isSchema));
    else if (value && typeof value === 'object' && !isSchema(value)) children.push(...Object.values(value).filter(isSchema));
  }
  return children.some((child) => carriesBytes(child as z.ZodType, seen));
}

/** The import channels (files as base64), read from the contract so a new import channel gets the large limit. */
export const FILE_CHANNELS: ReadonlySet<string> = new Set(channelNames.filter((name) => carriesBytes(contract[name].input)));

export const bodyLimitFor = (channel: string | undefined): number => (channel && FILE_CHANNELS.has(channel) ? FILE_BODY_LIMIT : BODY_LIMIT);

export interface Refusal {
  status: number;
  error: ApiErrorBody;
}

const refusal = (status: number, code: string, message: string, messageEn: string): Refusal => ({ status, error: { code, message, messageEn } });

export const refusals = {
  host: () => refusal(403, 'harness.host', '只接受本机地址（127.0.0.1 或 localhost）的请求', 'Only requests to this computer (127.0.0.1 or localhost) are answered'),
  method: () => refusal(405, 'harness.method', '不支持这种请求方式，已拒绝', 'This request method is not supported; refused'),
  foreignOrigin: () =>
    refusal(403, 'harness.foreignOrigin', '请求不是来自镜鉴自己的页面，已拒绝，未作任何修改', "The request did not come from Jingjian's own page; refused, nothing was changed"),
  token: () =>
    refusal(
      403,
      'harness.token',
      '页面已过期或不是镜鉴自己的页面（后台可能已重新启动），请刷新页面后再试，未作任何修改',
      "This page is out of date or not Jingjian's own (the backend may have restarted); reload the page and try again. Nothing was changed",
    ),
  contentType: () =>
    refusal(415, 'harness.contentType', '请求格式不对（只接受 application/json），已拒绝，未作任何修改', 'Wrong request format (only application/json is accepted); refused, nothing was changed'),
  lengthRequired: () => refusal(411, 'harness.lengthRequired', '请求没有注明长度，已拒绝，未作任何修改', 'The request did not state its length; refused, nothing was changed'),
  tooLarge: (limit: number) =>
    refusal(413, 'harness.tooLarge', `请求内容过大（上限 ${limit / MB} MB），未作任何修改`, `The request is too large (at most ${limit / MB} MB); nothing was changed`),
  busy: () =>
    refusal(503, 'harness.busy', '后台正在接收其他大文件，请稍后再试，未作任何修改', 'The backend is receiving other large files; try again shortly. Nothing was changed'),
  badJson: () => refusal(400, 'harness.badJson', '请求内容不是有效的 JSON，未作任何修改', 'The request body is not valid JSON; nothing was changed'),
  notFound: () => refusal(404, 'harness.notFound', '没有这个地址', 'No such address'),
  downloadGone: () =>
    refusal(
      404,
      'harness.downloadGone',
      '这个下载地址已用过或已过期；文件仍保存在导出文件夹中，可再导出一次',
      'This download address was already used or has expired; the file is still in the exports folder, or export it again',
    ),
};

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** Host is 127.0.0.1 or localhost (with any port): a DNS-rebinding page carries its own host name and is refused. */
export function allowedHost(req: http.IncomingMessage): boolean {
  return /^(127\.0\.0\.1|localhost)(:\d{1,5})?$/.test(header(req, 'host') ?? '');
}

/**
 * A browser's request for a resource of ours made by another site's page (a <script src>, an <img>, a fetch):
 * Sec-Fetch-Site says so. Navigations typed by the user are `none`; requests without the header (not a browser)
 * pass here and meet the API's other checks.
 */
export function fromForeignPage(req: http.IncomingMessage): boolean {
  const site = header(req, 'sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && !(site === 'none' && header(req, 'sec-fetch-mode') === 'navigate');
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The checks on an API call, all before a byte of its body is read: the page's own origin (Origin, and
 * Sec-Fetch-Site when a browser sends it), JSON only (so a browser must ask a preflight, which is never granted), the
 * start's secret, and a declared length within the channel's limit. Returns the refusal, or null to go on.
 */
export function checkCall(req: http.IncomingMessage, token: string): Refusal | null {
  const origin = header(req, 'origin');
  if (origin !== `http://${header(req, 'host')}`) return refusals.foreignOrigin();
  if (header(req, 'sec-fetch-site') !== undefined && header(req, 'sec-fetch-site') !== 'same-origin') return refusals.foreignOrigin();
  const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return refusals.contentType();
  if (!sameSecret(header(req, TOKEN_HEADER), token)) return refusals.token();
  const declared = header(req, 'content-length');
  if (declared === undefined || !/^\d+$/.test(declared)) return refusals.lengthRequired();
  const limit = bodyLimitFor(header(req, CHANNEL_HEADER));
  if (Number(declared) > limit) return refusals.tooLarge(limit);
  return null;
}

/** Where the bridge fetches an exported file: the path ends with a one-time id of 256 random bits. */
export const DOWNLOAD_PATH = '/__harness/download/';

/**
 * The checks on a download, all before the id is looked up: the page's own origin (Sec-Fetch-Site, and Origin when
 * a browser sends one) and the start's secret in its header, which another site's page cannot set without a
 * preflight that is never granted. A link opened in a new tab or typed in the address bar carries no secret and gets
 * nothing either.
 */
export function checkDownload(req: http.IncomingMessage, token: string): Refusal | null {
  const origin = header(req, 'origin');
  if (origin !== undefined && origin !== `http://${header(req, 'host')}`) return refusals.foreignOrigin();
  if (header(req, 'sec-fetch-site') !== undefined && header(req, 'sec-fetch-site') !== 'same-origin') return refusals.foreignOrigin();
  if (!sameSecret(header(req, TOKEN_HEADER), token)) return refusals.token();
  return null;
}

/** Exported files offered to the page for download, each under a new one-time id, for a few minutes. */
export class Downloads {
  private readonly offered = new Map<string, { file: string; name: string; until: number }>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = 10 * 60 * 1000,
    private readonly max = 200,
  ) {}

  /** A new id for `file`, shown to the user as `name`. */
  offer(file: string, name: string): string {
    const id = crypto.randomBytes(32).toString('base64url');
    this.offered.set(id, { file, name, until: this.now() + this.lifetimeMs });
    // The oldest offers go first when too many are pending (Map keeps insertion order).
    while (this.offered.size > this.max) this.offered.delete(this.offered.keys().next().value!);
    return id;
  }

  /** The file under `id`, once: the id is forgotten whether or not it had expired. */
  take(id: string): { file: string; name: string } | null {
    const entry = this.offered.get(id);
    this.offered.delete(id);
    return entry && entry.until >= this.now() ? { file: entry.file, name: entry.name } : null;
  }
}

/** Bytes of bodies being received or handled; a call reserves its declared length until its answer is sent. */
export class InFlight {
  private used = 0;
  constructor(private readonly limit = IN_FLIGHT_LIMIT) {}

  /** Reserves `bytes`, or returns null when they do not fit; the returned function gives them back (once). */
  reserve(bytes: number): (() => void) | null {
    if (this.used + bytes > this.limit) return null;
    this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
    };
  }

  get bytes(): number {
    return this.used;
  }
}
