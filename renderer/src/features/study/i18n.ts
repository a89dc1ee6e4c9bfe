const zh = {
  study: {
    title: '学习研讨',
    summary: '共 {n} 次',
    add: '登记',
    date: '日期',
    form: '形式',
    forms: { center_group: '中心组学习', seminar: '集中研讨', lecture: '专题辅导', self_study: '自学' },
    topic: '学习主题',
    topicPlaceholder: '如：集中学习上级关于开好民主生活会的通知精神',
    hours: '时长（小时）',
    attendees: '参加的班子成员',
    notes: '备注',
    notesPlaceholder: '主持人、辅导人、列席人员等',
    none: '还没有学习研讨记录。',
    saved: '已保存',
    deleteConfirm: '删除这条学习研讨记录？',
    all: '全体',
    of: '{n}/{total} 人',
    cancelEdit: '取消编辑',
  },
};

const en: typeof zh = {
  study: {
    title: 'Study sessions',
    summary: '{n} sessions',
    add: 'Record',
    date: 'Date',
    form: 'Form',
    forms: { center_group: 'Central group study', seminar: 'Group discussion', lecture: 'Special lecture', self_study: 'Self-study' },
    topic: 'Topic',
    topicPlaceholder: 'e.g. Studying the notice on holding the meeting',
    hours: 'Hours',
    attendees: 'Members attending',
    notes: 'Notes',
    notesPlaceholder: 'Chair, lecturer, others attending…',
    none: 'No study sessions recorded yet.',
    saved: 'Saved',
    deleteConfirm: 'Delete this study session?',
    all: 'All',
    of: '{n}/{total}',
    cancelEdit: 'Cancel edit',
  },
};

export const studyMessages = { 'zh-CN': zh, en };
