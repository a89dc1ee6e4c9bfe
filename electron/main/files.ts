import type { BrowserWindow, Dialog } from 'electron';
import type { FileService } from '../handlers/context';

/** Save and folder dialogs for exports; the handlers never see Electron. */
export function dialogFiles(dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>, getWindow: () => BrowserWindow | null, defaultDir: string): FileService {
  return {
    async chooseSavePath(suggestedName, filters) {
      const window = getWindow();
      const options = { title: '导出', defaultPath: `${defaultDir}/${suggestedName}`, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseDirectory() {
      const window = getWindow();
      const options = { title: '选择导出文件夹', defaultPath: defaultDir, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseOpenPath(filters) {
      const window = getWindow();
      const options = { title: '选择文件', defaultPath: defaultDir, filters, properties: ['openFile'] as 'openFile'[] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
  };
}
