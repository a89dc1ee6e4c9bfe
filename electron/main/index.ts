/*
 * The Electron entry: thin glue only. Everything it wires (window options, protocol, IPC, menu, dialogs) lives in
 * small modules tested with `electron` mocked; the handlers and the database know nothing of Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../common/security';
import { IPC_COMMAND } from '../common/bridge';
import { openHost, type Host } from '../host';
import { cleanTempFiles } from '../handlers/files';
import { loadDemo } from '../../seeds/demo';
import { dialogFiles } from './files';
import { htmlToPdf } from './print';
import { notOpen, registerApi } from './ipc';
import { menuTemplate } from './menu';
import { serveAppFile } from './protocol';
import { hardenContents, lockDownSession, windowOptions } from './window';
import { fitToScreens, loadWindowState, saveWindowState } from './windowState';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let host: Host | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void host?.close();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const rendererDir = path.join(import.meta.dirname, '../renderer');
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url));
  // Nothing may leave the machine: any request that is not our own protocol is cancelled, any permission refused.
  lockDownSession(session.defaultSession);

  const dataFile = path.join(userData, 'jingjian.sqlite');
  cleanTempFiles(app.getPath('documents'));
  const files = { ...dialogFiles(dialog, () => mainWindow, app.getPath('documents')), printToPdf: (html: string) => htmlToPdf(html, BrowserWindow) };
  try {
    // Opens the data (daily backup included); a damaged file starts recovery mode, shown by the renderer.
    host = await openHost({ dataFile, files, appVersion: app.getVersion(), loadDemo, onBackupError: (error) => console.error('daily backup failed', error) });
  } catch (error) {
    dialog.showErrorBox('镜鉴无法打开数据文件', `${(error as Error).message}\n\n数据文件：${dataFile}`);
  }
  const opened = host;
  registerApi(ipcMain, opened ? (channel, input) => opened.dispatch(channel, input) : notOpen);

  const bounds = fitToScreens(loadWindowState(userData), screen.getAllDisplays().map((d) => d.workArea));
  mainWindow = new BrowserWindow(windowOptions(path.join(import.meta.dirname, '../preload'), bounds));
  if (bounds.maximized) mainWindow.maximize();
  const send = (command: string) => mainWindow?.webContents.send(IPC_COMMAND, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    saveWindowState(userData, { ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}
