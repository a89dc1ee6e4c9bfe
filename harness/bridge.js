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
  // An export the harness saved in its exports folder is also offered here: fetched with the secret (another site's
  // page cannot), then handed to the browser as a download under its own name.
  const download = async ({ url, name }) => {
    try {
      const response = await fetch(url, { headers: { 'x-jingjian-token': token } });
      if (!response.ok) return;
      const href = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = href;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch {
      // The file is still in the exports folder, which the message of the export names.
    }
  };
  window.jingjian = Object.freeze({
    // Files are chosen with the browser's file picker and saved as downloads (Electron shows its own dialogs).
    host: 'browser',
    async invoke(channel, input) {
      try {
        const response = await fetch('/__harness/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-jingjian-token': token, 'x-jingjian-channel': String(channel) },
          // No input travels as an empty body.
          body: input === undefined ? '' : JSON.stringify(input, replacer),
        });
        const { downloads, ...result } = JSON.parse(await response.text(), reviver);
        if (Array.isArray(downloads)) for (const offer of downloads) await download(offer);
        return result;
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
