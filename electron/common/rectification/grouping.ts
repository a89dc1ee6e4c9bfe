/**
 * The views of one list (domain.md §5): by aspect (问题清单), by responsible leader or unit (责任清单), the 班子
 * list and each member's own list. Pure, so the renderer and the exports group the same way.
 */
export interface GroupableItem {
  id: number;
  seq: number;
  aspectId: number | null;
  aspectLabel: string;
  memberId: number | null;
  leaders: { memberId: number; name: string }[];
  unit: string;
}

export interface Group<T> {
  key: string;
  label: string;
  items: T[];
}

export type GroupBy = 'aspect' | 'leader' | 'unit' | 'none';

const OTHER = '（未归类）';

function push<T>(groups: Map<string, Group<T>>, key: string, label: string, item: T): void {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { key, label, items: [] }));
  group.items.push(item);
}

/**
 * Groups in a stable order: aspects in the meeting's order, leaders in team order, units by first appearance.
 * An item with two leaders appears under both (each leader's 责任清单 must show it).
 */
export function groupItems<T extends GroupableItem>(items: readonly T[], by: GroupBy, order: { aspects?: readonly number[]; members?: readonly number[] } = {}): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    if (by === 'none') push(groups, 'all', '', item);
    else if (by === 'aspect') push(groups, `a${item.aspectId ?? 0}`, item.aspectLabel || OTHER, item);
    else if (by === 'unit') push(groups, `u${item.unit.trim()}`, item.unit.trim() || OTHER, item);
    else if (item.leaders.length === 0) push(groups, 'm0', OTHER, item);
    else for (const leader of item.leaders) push(groups, `m${leader.memberId}`, leader.name, item);
  }
  const rank = (key: string): number => {
    const list = by === 'aspect' ? order.aspects : by === 'leader' ? order.members : undefined;
    if (!list) return 0;
    const index = list.indexOf(Number(key.slice(1)));
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key));
}

/** 班子清单: problems of the team as a whole; 个人清单: problems of one member (from his or her own material). */
export function scopeItems<T extends GroupableItem>(items: readonly T[], scope: 'all' | 'team' | number): T[] {
  if (scope === 'all') return [...items];
  if (scope === 'team') return items.filter((i) => i.memberId === null);
  return items.filter((i) => i.memberId === scope);
}
