// What an L1 section is about, and which aspect a heading names (domain.md §6 step 7).
import type { SectionKind } from '../model';

// Order matters: 上年度…整改落实情况 mentions 整改, 存在问题的原因分析 mentions 问题, 检视剖析 is about
// problems while 根源剖析 is about causes.
// The 2025 materials' 反面典型案例剖析 (domain.md §9) is a kind of its own, before 剖析 is read as causes.
// Parts that are none of the usual kinds but expected (kept verbatim without a warning): 警示教育.
const CASE_ANALYSIS = /案例剖析|典型案例|反面典型|以案为鉴|以案促改/;
const KNOWN_OTHER = /警示教育/;

/** Whether a heading names a part that is expected but kept as verbatim paragraphs. */
export function isKnownOtherSection(heading: string): boolean {
  return KNOWN_OTHER.test(heading.slice(0, 200));
}

const RULES: Array<[SectionKind, RegExp]> = [
  ['caseAnalysis', CASE_ANALYSIS],
  ['other', KNOWN_OTHER],
  ['lastYear', /上年度|上一年度|上年民主生活会|整改落实情况|回头看/],
  ['statement', /个人有关事项|有关事项报告|谈话函询|函询/],
  ['problems', /问题(?:及|和|与|以及)(?:其)?(?:产生的)?原因/],
  ['causes', /原因|根源|(?<!检视|查摆)剖析/],
  ['measures', /整改|措施|努力方向|打算|下步|下一步|今后|上下功夫|上狠下功夫|上持续用力/],
  ['problems', /问题|查摆|检视|差距|不足|剖析|在.{1,60}?方面/],
  ['statement', /廉洁|事项说明/],
];

/** Kind of an L1 section from its heading (normalised text); 'other' when no keyword matches. */
export function classifySection(heading: string): SectionKind {
  const head = heading.slice(0, 200); // headings are short; never scan a whole run-on paragraph
  for (const [kind, re] of RULES) if (re.test(head)) return kind;
  return 'other';
}

const ASPECT = /(?:在|关于)(.{1,60}?)(?:方面|上下功夫|上狠下功夫|上持续用力|上见实效)/;
const BARE_ASPECT = /^(.{1,40}?)方面[。.:：]?$/;

/** Aspect label of a heading as written (提高政治站位 from （一）在提高政治站位方面。), or ''. */
export function aspectLabel(heading: string): string {
  const head = heading.slice(0, 200);
  const m = ASPECT.exec(head) ?? BARE_ASPECT.exec(head);
  return m && !/[。！？]/.test(m[1]) ? m[1].trim() : '';
}

// 「在……方面，」「关于……方面存在的问题，」: the aspect part of a block heading; what follows the comma is
// the heading's run-in (a summary before 一是…, or the block's one problem).
const RUN_IN = /^(?:在|关于)(.{1,60}?)方面(?:存在的(?:主要)?问题|的问题|主要)?\s*[，,]\s*/;

/** Offset in `heading` (as written) where its run-in starts after the aspect, or -1. */
export function runInStart(heading: string): number {
  const m = RUN_IN.exec(heading.slice(0, 200));
  if (!m || /[。！？.!?]/.test(m[1]) || m[0].length >= heading.trimEnd().length) return -1;
  return m[0].length;
}
