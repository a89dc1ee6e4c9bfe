/**
 * Required talk pairs (必谈) from a meeting's rule set, and how far they are covered (domain.md §3 谈心谈话).
 * Pure code: shared by the handlers (dashboard step, report facts) and the coverage matrix in the renderer.
 *
 * Decisions, documented here because reports depend on them:
 * - Only members still on the team (status 'active') are in required pairs; members who left keep their talks in
 *   the list and in the 人次 count, but nobody has to talk with them any more.
 * - A 分管部门负责人 is paired with the member who oversees the department, only while that member is active.
 * - A talk covers the pairs between its 谈话人 (first participant) and each 谈话对象; who initiated does not matter,
 *   so 林↔周 is covered by a talk started by either. In a talk of three or more, the 谈话对象 are not paired with
 *   each other (they were talked to, they did not talk with each other).
 * - 人次 = the number of 谈话对象 summed over all talks: a one-to-one talk is 1 人次, the 书记 talking with seven
 *   members one by one is 7 人次 («书记与班子成员逐一谈心谈话7人次»).
 */

export type PersonKey = `m${number}` | `p${number}`;
export type RuleKind = 'secretary_members' | 'members_each_other' | 'member_departments' | 'custom';

export interface PairMember {
  id: number;
  name: string;
  role: 'secretary' | 'deputy' | 'member';
  status: 'active' | 'left';
}

export interface PairPerson {
  id: number;
  name: string;
  kind: 'department_head' | 'other';
  overseerMemberId: number | null;
}

export interface ExtraRule {
  id?: number;
  label: string;
  /** null: every active member. */
  memberId: number | null;
  otherMemberId: number | null;
  otherPersonId: number | null;
}

export interface RuleSet {
  secretaryMembers: boolean;
  membersEachOther: boolean;
  memberDepartments: boolean;
  extras: ExtraRule[];
}

export const DEFAULT_RULES: RuleSet = { secretaryMembers: true, membersEachOther: true, memberDepartments: true, extras: [] };

export interface RequiredPair {
  /** Canonical order: members before outside people, then by id. */
  a: PersonKey;
  b: PersonKey;
  rules: RuleKind[];
  /** Labels of the custom rules that require the pair. */
  customLabels: string[];
}

export interface TalkForCoverage {
  id: number;
  date: string;
  /** The 谈话人 first, then the 谈话对象. */
  participants: PersonKey[];
}

export interface PairCoverage extends RequiredPair {
  count: number;
  talkIds: number[];
  /** The earliest talk that covers the pair. */
  firstDate: string | null;
}

export const memberKey = (id: number): PersonKey => `m${id}`;
export const personKey = (id: number): PersonKey => `p${id}`;

export function parseKey(key: PersonKey): { kind: 'member' | 'person'; id: number } {
  return { kind: key[0] === 'm' ? 'member' : 'person', id: Number(key.slice(1)) };
}

function order(x: PersonKey, y: PersonKey): [PersonKey, PersonKey] {
  const a = parseKey(x);
  const b = parseKey(y);
  if (a.kind !== b.kind) return a.kind === 'member' ? [x, y] : [y, x];
  return a.id <= b.id ? [x, y] : [y, x];
}

export function pairId(x: PersonKey, y: PersonKey): string {
  const [a, b] = order(x, y);
  return `${a}|${b}`;
}

export function requiredPairs(members: PairMember[], people: PairPerson[], rules: RuleSet): RequiredPair[] {
  const active = members.filter((m) => m.status === 'active');
  const activeIds = new Set(active.map((m) => m.id));
  const knownPeople = new Set(people.map((p) => p.id));
  const pairs = new Map<string, RequiredPair>();
  const add = (x: PersonKey, y: PersonKey, rule: RuleKind, label?: string) => {
    if (x === y) return;
    const [a, b] = order(x, y);
    const id = `${a}|${b}`;
    const pair = pairs.get(id) ?? { a, b, rules: [], customLabels: [] };
    if (!pair.rules.includes(rule)) pair.rules.push(rule);
    if (label && !pair.customLabels.includes(label)) pair.customLabels.push(label);
    pairs.set(id, pair);
  };
  const secretary = active.find((m) => m.role === 'secretary');
  const others = active.filter((m) => m !== secretary);
  if (rules.secretaryMembers && secretary) for (const m of others) add(memberKey(secretary.id), memberKey(m.id), 'secretary_members');
  if (rules.membersEachOther) {
    for (let i = 0; i < others.length; i++) for (let j = i + 1; j < others.length; j++) add(memberKey(others[i].id), memberKey(others[j].id), 'members_each_other');
  }
  if (rules.memberDepartments) {
    for (const p of people) {
      if (p.kind === 'department_head' && p.overseerMemberId !== null && activeIds.has(p.overseerMemberId)) add(memberKey(p.overseerMemberId), personKey(p.id), 'member_departments');
    }
  }
  for (const extra of rules.extras) {
    const other = extra.otherMemberId !== null ? (activeIds.has(extra.otherMemberId) ? memberKey(extra.otherMemberId) : null) : extra.otherPersonId !== null && knownPeople.has(extra.otherPersonId) ? personKey(extra.otherPersonId) : null;
    if (!other) continue;
    const who = extra.memberId === null ? active.map((m) => m.id) : activeIds.has(extra.memberId) ? [extra.memberId] : [];
    for (const id of who) add(memberKey(id), other, 'custom', extra.label);
  }
  return [...pairs.values()];
}

/** The pairs a talk covers: its 谈话人 with each 谈话对象. */
export function talkPairs(talk: Pick<TalkForCoverage, 'participants'>): string[] {
  const [lead, ...rest] = talk.participants;
  return lead === undefined ? [] : rest.filter((k) => k !== lead).map((k) => pairId(lead, k));
}

export function coverage(pairs: RequiredPair[], talks: TalkForCoverage[]): PairCoverage[] {
  const byPair = new Map<string, TalkForCoverage[]>();
  for (const talk of talks) {
    for (const id of new Set(talkPairs(talk))) byPair.set(id, [...(byPair.get(id) ?? []), talk]);
  }
  return pairs.map((pair) => {
    const held = byPair.get(`${pair.a}|${pair.b}`) ?? [];
    const dates = held.map((t) => t.date).sort();
    return { ...pair, count: held.length, talkIds: held.map((t) => t.id), firstDate: dates[0] ?? null };
  });
}

/** 人次: each 谈话对象 of each talk counts once. */
export function personTimes(talks: Pick<TalkForCoverage, 'participants'>[]): number {
  return talks.reduce((sum, t) => sum + Math.max(0, new Set(t.participants).size - 1), 0);
}

export interface CoverageSummary {
  required: number;
  covered: number;
  /** The day the last required pair was first covered; null while pairs are missing or none are required. */
  completedOn: string | null;
}

export function summarize(pairs: PairCoverage[]): CoverageSummary {
  const covered = pairs.filter((p) => p.count > 0);
  const complete = pairs.length > 0 && covered.length === pairs.length;
  const completedOn = complete ? covered.map((p) => p.firstDate as string).sort().at(-1) ?? null : null;
  return { required: pairs.length, covered: covered.length, completedOn };
}

/** The talk type a set of participants suggests; the user can change it. */
export function suggestType(
  participants: PersonKey[],
  members: Pick<PairMember, 'id' | 'role'>[],
  people: Pick<PairPerson, 'id' | 'kind'>[],
): 'secretary_member' | 'member_member' | 'member_department' | 'other' {
  if (participants.length < 2) return 'other';
  const refs = participants.map(parseKey);
  const memberRefs = refs.filter((r) => r.kind === 'member');
  const personRefs = refs.filter((r) => r.kind === 'person');
  if (personRefs.length === 0) {
    const hasSecretary = memberRefs.some((r) => members.find((m) => m.id === r.id)?.role === 'secretary');
    return hasSecretary ? 'secretary_member' : 'member_member';
  }
  const allHeads = personRefs.every((r) => people.find((p) => p.id === r.id)?.kind === 'department_head');
  return memberRefs.length >= 1 && allHeads ? 'member_department' : 'other';
}
