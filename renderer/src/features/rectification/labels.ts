import type { Deadline, ItemSource } from '../../../../electron/common/api/rectification';
import { displayDate } from '../../utils/format';

type Translate = (key: string) => string;

/** 「2027年6月30日」「立行立改」「长期坚持（2027年1月15日）」 in the interface language. */
export function deadlineLabel(deadline: Deadline, t: Translate, locale: string): string {
  const date = displayDate(deadline.date, locale);
  if (deadline.kind === 'date') return date || t('rectification.deadlineUnset');
  return `${t(`rectification.deadlineKinds.${deadline.kind}`)}${date ? (locale === 'en' ? ` (${date})` : `（${date}）`) : ''}`;
}

/** The origin without its type when it starts with it (「座谈会」 for 「征求意见·座谈会」). */
export function originDetail(source: Pick<ItemSource, 'type' | 'origin'>, t: Translate): string {
  const type = t(`rectification.sourceTypes.${source.type}`);
  return source.origin.startsWith(`${type}·`) ? source.origin.slice(type.length + 1) : source.origin;
}

/** Where a source is from, without saying its type twice (「征求意见·座谈会」, not 「征求意见·征求意见·座谈会」). */
export function sourceOrigin(source: Pick<ItemSource, 'type' | 'origin'>, t: Translate): string {
  const detail = originDetail(source, t);
  const type = t(`rectification.sourceTypes.${source.type}`);
  return detail ? `${type}·${detail}` : type;
}
