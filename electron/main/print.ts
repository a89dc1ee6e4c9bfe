/**
 * HTML → PDF through Chromium's own printing (webContents.printToPDF), in a hidden window that runs no script and
 * has its own in-memory session, so the app's network filter and the print page never meet.
 */
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';

type WindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindowType;

export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'jingjian-print', webSecurity: true },
};

/** A4 landscape with 「第 N 页 共 M 页」 centred in the footer, as units print their lists. */
export async function htmlToPdf(html: string, BrowserWindow: WindowCtor): Promise<Uint8Array> {
  const window = new BrowserWindow(PRINT_WINDOW_OPTIONS);
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
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
    window.destroy();
  }
}
