import { describe, expect, it, vi } from 'vitest';
import { htmlToPdf, PRINT_WINDOW_OPTIONS } from './print';

vi.mock('electron', () => ({}));

function fakeWindow(fail = false) {
  const calls: { loaded?: string; printOptions?: Record<string, unknown>; destroyed: boolean; options?: unknown } = { destroyed: false };
  class Window {
    webContents = {
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
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, nodeIntegration: false } });
    expect(decodeURIComponent(calls.loaded!.replace('data:text/html;charset=utf-8,', ''))).toBe('<h1>整改清单</h1>');
    expect(calls.printOptions).toMatchObject({ landscape: true, pageSize: 'A4', displayHeaderFooter: true });
    expect(String(calls.printOptions?.footerTemplate)).toContain('pageNumber');
    expect(calls.destroyed).toBe(true);
  });

  it('closes the window even when printing fails', async () => {
    const { Window, calls } = fakeWindow(true);
    await expect(htmlToPdf('<p>x</p>', Window as never)).rejects.toThrow('printer gone');
    expect(calls.destroyed).toBe(true);
  });
});
