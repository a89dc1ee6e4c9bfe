import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'go-meetings' | 'go-teams' | 'go-settings' | 'go-export-log' | 'go-backup' | 'check-integrity';

/** The Chinese application menu. Commands go to the renderer as plain strings; nothing here opens URLs from data. */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ label: '镜鉴', submenu: [{ role: 'about', label: '关于镜鉴' }, { type: 'separator' }, { role: 'quit', label: '退出镜鉴' }] } as MenuItemConstructorOptions] : []),
    {
      label: '文件',
      submenu: [
        { label: '会议列表', accelerator: 'CmdOrCtrl+1', click: () => send('go-meetings') },
        { label: '班子与成员', accelerator: 'CmdOrCtrl+2', click: () => send('go-teams') },
        { label: '导出记录', click: () => send('go-export-log') },
        { label: '备份与恢复', click: () => send('go-backup') },
        { label: '检查数据完整性', click: () => send('check-integrity') },
        { type: 'separator' },
        { label: '设置', accelerator: 'CmdOrCtrl+,', click: () => send('go-settings') },
        ...(isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit', label: '退出' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }, { role: 'close', label: '关闭' }] },
  ];
}
