// Wrong-unit names (domain.md §10: a 乡镇 material that spoke of "水务部门" copied from another unit). A name is flagged
// when the team's list marks it foreign, or when it is a department the team's own data never mentions: its members'
// 分管 areas, the 责任单位 of its rectification items, the departments of its talk partners, its name and unit. The
// list ('own') accepts a flagged name for good. Places of other units are caught through the list only: telling a
// place name from an ordinary word needs a gazetteer this offline app does not ship.
import type { TextSegment } from './normalize';

/** Department stems, longest first where one contains another. */
export const DEPARTMENT_STEMS: readonly string[] = [
  '住房和城乡建设', '人力资源和社会保障', '退役军人事务', '工业和信息化', '卫生健康', '交通运输', '自然资源', '农业农村', '文化旅游',
  '市场监管', '应急管理', '生态环境', '发展改革', '医疗保障', '城市管理', '机关事务', '乡村振兴', '水务', '水利', '交通', '教育', '卫健',
  '公安', '财政', '住建', '文旅', '民政', '人社', '税务', '商务', '发改', '统计', '审计', '司法', '林业', '林草', '国资', '医保', '信访',
  '城管', '海关', '港口', '海洋', '渔业', '气象', '地震', '烟草', '邮政', '铁路', '民航', '外事', '侨务', '档案', '工信', '科技', '体育',
  '广电', '粮食', '供销',
];
const SUFFIX = '(?:部门|局|委员会|委|办公室|办|系统|条线|口|厅|中心|站|所)';
const STEM_RE = new RegExp(`(${DEPARTMENT_STEMS.join('|')})${SUFFIX}`, 'g');

export interface NameList {
  foreign: readonly string[];
  own: readonly string[];
}

export interface NameFlag {
  name: string;
  /** list: on the team's list of foreign names; unknown: a department the team's data never mentions. */
  reason: 'list' | 'unknown';
  nodeId: string | null;
  start: number;
  end: number;
}

/** `teamText`: everything the team's own data says about itself (分管, 责任单位, departments, name), joined. */
export function wrongNames(segments: readonly TextSegment[], teamText: string, list: NameList): NameFlag[] {
  const out: NameFlag[] = [];
  const own = (name: string, stem: string) => teamText.includes(stem) || list.own.some((o) => o !== '' && (name.includes(o) || o.includes(name)));
  for (const s of segments) {
    const here: NameFlag[] = [];
    const taken = new Uint8Array(s.text.length);
    for (const name of list.foreign) {
      if (name === '') continue;
      for (let at = s.text.indexOf(name); at >= 0; at = s.text.indexOf(name, at + name.length)) {
        here.push({ name, reason: 'list', nodeId: s.nodeId, start: at, end: at + name.length });
        taken.fill(1, at, at + name.length);
      }
    }
    for (const m of s.text.matchAll(STEM_RE)) {
      const start = m.index;
      if (taken[start]) continue;
      if (own(m[0], m[1])) continue;
      here.push({ name: m[0], reason: 'unknown', nodeId: s.nodeId, start, end: start + m[0].length });
    }
    out.push(...here.sort((a, b) => a.start - b.start));
  }
  return out;
}
