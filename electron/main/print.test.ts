import { describe, expect, it, vi } from 'vitest';
import { htmlToPdf, PRINT_CSP, PRINT_WINDOW_OPTIONS } from './print';

vi.mock('electron', () => ({}));

/** A window whose session serves the app scheme through the handler htmlToPdf registers, as Electron would. */
function fakeWindow(fail = false) {
  const calls: {
    loaded?: string;
    served?: Response;
    printOptions?: Record<string, unknown>;
    destroyed: boolean;
    options?: unknown;
    handler?: (request: { url: string }) => Response;
    filter?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
    permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: () => boolean;
    deviceCheck?: () => boolean;
  } = { destroyed: false };
  const protocol = {
    isProtocolHandled: () => calls.handler !== undefined,
    handle: (_scheme: string, handler: (request: { url: string }) => Response) => {
      calls.handler = handler;
    },
  };
  const session = {
    protocol,
    webRequest: { onBeforeRequest: (fn: NonNullable<typeof calls.filter>) => (calls.filter = fn) },
    setPermissionRequestHandler: (fn: NonNullable<typeof calls.permissionRequest>) => (calls.permissionRequest = fn),
    setPermissionCheckHandler: (fn: NonNullable<typeof calls.permissionCheck>) => (calls.permissionCheck = fn),
    setDevicePermissionHandler: (fn: NonNullable<typeof calls.deviceCheck>) => (calls.deviceCheck = fn),
  };
  class Window {
    webContents = {
      session,
      printToPDF: vi.fn(async (options: Record<string, unknown>) => {
        calls.printOptions = options;
        if (fail) throw new Error('printer gone');
        return Buffer.from('%PDF-1.7 fake');
      }),
    };
    constructor(options: unknown) {
      calls.options = options;
    }
    async loadURL(url: string) {
      calls.loaded = url;
      calls.served = calls.handler!({ url });
    }
    destroy() {
      calls.destroyed = true;
    }
  }
  return { Window, calls };
}

describe('htmlToPdf', () => {
  it('prints the HTML A4 landscape in a hidden script-less window and returns the PDF bytes', async () => {
    const { Window, calls } = fakeWindow();
    const pdf = await htmlToPdf('<h1>整改清单</h1>', Window as never);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    expect(calls.options).toBe(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, nodeIntegration: false, partition: 'jingjian-print' } });
    expect(calls.loaded).toMatch(/^jingjian:\/\/print\/[0-9a-f]{32}\.html$/);
    expect(await calls.served!.text()).toBe('<h1>整改清单</h1>');
    expect(calls.served!.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect(calls.printOptions).toMatchObject({ landscape: true, pageSize: 'A4', displayHeaderFooter: true });
    expect(String(calls.printOptions?.footerTemplate)).toContain('pageNumber');
    expect(calls.destroyed).toBe(true);
  });

  it('serves a list too long for a data: URL (over 2 MB) from memory, and nothing once printed', async () => {
    const { Window, calls } = fakeWindow();
    const html = `<table>${'<tr><td>班子成员下基层调研偏少，对基层情况掌握不够深入</td></tr>'.repeat(40_000)}</table>`;
    expect(encodeURIComponent(html).length).toBeGreaterThan(2 * 1024 * 1024);
    await htmlToPdf(html, Window as never);
    expect(await calls.served!.text()).toBe(html);
    expect(calls.handler!({ url: calls.loaded! }).status).toBe(404);
    expect(calls.handler!({ url: 'jingjian://print/../../etc/passwd' }).status).toBe(404);
  });

  it("locks its own partition down like the main session: only the app's protocol, no permission", async () => {
    const { Window, calls } = fakeWindow();
    await htmlToPdf('<p>x</p>', Window as never);
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      calls.filter!({ url }, (r) => (answer = r.cancel));
      return answer;
    };
    for (const url of ['https://example.com/font.woff2', 'http://127.0.0.1:5170/', 'file:///etc/passwd', 'data:text/html,x', 'ws://localhost/']) expect(cancelled(url), url).toBe(true);
    expect(cancelled(calls.loaded!)).toBe(false);
    let granted: boolean | undefined;
    calls.permissionRequest!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(calls.permissionCheck!()).toBe(false);
    expect(calls.deviceCheck!()).toBe(false);
  });

  it('closes the window and forgets the page even when printing fails', async () => {
    const { Window, calls } = fakeWindow(true);
    await expect(htmlToPdf('<p>x</p>', Window as never)).rejects.toThrow('printer gone');
    expect(calls.destroyed).toBe(true);
    expect(calls.handler!({ url: calls.loaded! }).status).toBe(404);
  });
});
