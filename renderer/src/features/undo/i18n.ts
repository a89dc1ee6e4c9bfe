const zh = {
  undo: {
    action: '撤销',
    shortcut: 'Ctrl+Z',
    offer: '{label}。可在 {seconds} 秒内撤销。',
    done: '已撤销：{label}',
    labels: { opinionsDeleted: '已删除 {n} 条意见', talkDeleted: '已删除谈心谈话记录', entryDeleted: '已删除一条记录', itemDeleted: '已删除第 {seq} 项', itemsMerged: '已合并 {n} 项', itemSplit: '已拆分第 {seq} 项' },
  },
};

const en: typeof zh = {
  undo: {
    action: 'Undo',
    shortcut: 'Ctrl+Z',
    offer: '{label}. You can undo this for {seconds} seconds.',
    done: 'Undone: {label}',
    labels: { opinionsDeleted: '{n} opinion(s) deleted', talkDeleted: 'Talk deleted', entryDeleted: 'Entry deleted', itemDeleted: 'Item {seq} deleted', itemsMerged: '{n} items merged', itemSplit: 'Item {seq} split' },
  },
};

export const undoMessages = { 'zh-CN': zh, en };
