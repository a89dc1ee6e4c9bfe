// The browser harness's stand-in for the Electron preload: the same `window.jingjian` API, answered over HTTP by the
// same handlers. Binary payloads (Uint8Array) travel as { $bytes: base64 }.
// Every call carries this start's secret, which the served index.html holds in a <meta> that only the page itself can
// read (another site can include this script but not read our HTML). It is read once and the tag removed.
(() => {
  const meta = document.querySelector('meta[name="jingjian-harness-token"]');
  const token = meta ? meta.getAttribute('content') : '';
  meta?.remove();
  const toBase64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const fromBase64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const replacer = (_key, value) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value);
  const reviver = (_key, value) =>
    value && typeof value === 'object' && typeof value.$bytes === 'string' && Object.keys(value).length === 1 ? fromBase64(value.$bytes) : value;
  const listeners = new Set();
  window.jingjian = Object.freeze({
    async invoke(channel, input) {
      try {
        const response = await fetch('/__harness/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-jingjian-token': token, 'x-jingjian-channel': String(channel) },
          // No input travels as an empty body.
          body: input === undefined ? '' : JSON.stringify(input, replacer),
        });
        return JSON.parse(await response.text(), reviver);
      } catch (error) {
        return { ok: false, error: { code: 'bridge', message: '无法连接后台服务：' + error, messageEn: 'Cannot reach the backend: ' + error } };
      }
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  // Tests send menu commands the way Electron's menu would.
  window.__jingjianCommand = (command) => listeners.forEach((listener) => listener(command));
})();
