/**
 * The one Content Security Policy, used by the Electron protocol handler, the built index.html and the browser harness.
 * Nothing leaves the app: no remote scripts, styles, fonts or connections. 'unsafe-inline' for styles only, which
 * Element Plus needs for positioning popups.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The custom scheme the UI is served from in Electron (never file://). */
export const APP_SCHEME = 'jingjian';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
