// The empty material a member starts from when nothing is imported: the usual sections, and one
// aspect block per aspect the meeting set, so the author only fills in problems, causes and measures.
import type { Material, NodeId } from './model';
import { newAspectBlock, newSection } from './nodes';

const ASPECT_LABEL = /(?:在|关于)(.+?)(?:方面|上下功夫)/;

/** 「在提高政治站位方面」 → 提高政治站位 (the aspect label the parser would take from that heading). */
export function aspectLabelOf(heading: string): string {
  return ASPECT_LABEL.exec(heading)?.[1] ?? '';
}

/** The template's headings of the optional parts (domain.md §9); the meeting's rules say which are present. */
export const CASE_ANALYSIS_HEADING = '反面典型案例剖析';

export function materialTemplate(options: { title: string; aspects: readonly string[]; newId: () => NodeId; caseAnalysis?: boolean }): Material {
  const { newId } = options;
  const problems = newSection(newId(), 'problems', '存在的主要问题', 'cn-paren');
  for (const aspect of options.aspects) {
    problems.children.push(newAspectBlock(newId(), { heading: aspect, label: aspectLabelOf(aspect), listStyle: 'cn-shi' }));
  }
  return {
    title: options.title,
    opening: '',
    sections: [
      problems,
      newSection(newId(), 'causes', '原因分析', 'cn-paren'),
      // 以案为鉴: after the causes, before the measures the case also informs.
      ...(options.caseAnalysis ? [newSection(newId(), 'caseAnalysis', CASE_ANALYSIS_HEADING, 'cn-paren')] : []),
      newSection(newId(), 'measures', '整改措施', 'cn-paren'),
    ],
  };
}
