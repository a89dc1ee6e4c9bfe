/**
 * Splits a pasted block into single opinions: one per numbered point (1. 1、 （1） ① 一、 （一）, or 一是/二是 at line
 * starts) when the block is numbered, otherwise one per non-blank line; a point reading 「一是……二是……」 is split at
 * each 「X是」. Enumerators are list formatting and are stripped from every opinion the same way (enumerators.ts);
 * the words are kept exactly as typed, and each opinion keeps its original text for the preview.
 *
 * A lead-in such as 「对张卫东同志的意见：」 or 「对班子的意见：」 is not an opinion: it sets the target of the opinions
 * below it (until the next lead-in). When it names nobody the team knows, it is refused with a hint, and the opinions
 * below it keep the form's target (flagged, so the user sees it).
 */
import { inlineEnumeratorValue, startsWithListNumber, stripEnumerator } from './enumerators';

export interface BatchMember {
  id: number;
  name: string;
  position?: string;
}

export type BatchTarget = { kind: 'team' } | { kind: 'member'; memberId: number; name: string };

export interface BatchOpinion {
  /** The opinion as it will be saved: the enumerator stripped, the words as typed. */
  text: string;
  /** The enumerator that was stripped ('' when none). */
  marker: string;
  /** The text as pasted (marker included). */
  original: string;
  /** 1-based line of the pasted block where it starts. */
  line: number;
  /** Set by a lead-in above it; null: the target chosen in the form. */
  target: BatchTarget | null;
  /** Under a lead-in whose target was not recognised: saved with the form's target. */
  unresolvedLeadIn: boolean;
}

export interface BatchLeadIn {
  text: string;
  line: number;
  /** null: refused (nobody recognised), see hint. */
  target: BatchTarget | null;
  hint: { zh: string; en: string };
}

export type BatchRow = ({ kind: 'opinion' } & BatchOpinion) | ({ kind: 'lead-in' } & BatchLeadIn);

export interface OpinionBatch {
  /** Everything in pasted order: opinions and lead-ins. */
  rows: BatchRow[];
  opinions: BatchOpinion[];
}

// 「对张卫东同志的意见：」「对领导班子的意见建议：」「关于县长的批评意见」「张卫东同志：」 on a line of their own, or
// in front of 一是… in one line.
const LEAD_IN = /^(?:对|关于|针对|给)(.{1,24}?)(?:同志)?(?:的|提出的)?(?:意见建议|意见和建议|批评意见|批评|意见|建议|问题)[：:]?/;
const NAME_LEAD_IN = /^(.{2,4})同志[：:]/;
const TEAM = /班子|党组|党委|集体/;
const NO_NAME = /成员个人|个人|各位|其他/;

interface Point {
  text: string;
  line: number;
}

export function splitOpinionBatch(block: string, members: readonly BatchMember[] = []): OpinionBatch {
  const lines = block.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, '').split('\n');
  const rows: BatchRow[] = [];
  let target: BatchTarget | null = null;
  let unresolved = false;

  for (const point of points(lines)) {
    for (const part of splitEnumeratedIs(point)) {
      const lead = leadIn(part.text, members);
      if (lead) {
        rows.push({ kind: 'lead-in', line: part.line, text: lead.text, target: lead.target, hint: lead.hint });
        target = lead.target;
        unresolved = lead.target === null;
        if (lead.rest.trim() === '') continue;
        part.text = lead.rest;
      }
      const { marker, text } = stripEnumerator(part.text);
      rows.push({ kind: 'opinion', text: text.trim(), marker, original: part.text.trim(), line: part.line, target, unresolvedLeadIn: unresolved });
    }
  }
  return { rows, opinions: rows.filter((r): r is { kind: 'opinion' } & BatchOpinion => r.kind === 'opinion') };
}

/** The texts to save, as before lead-ins were read (kept for callers that need only the texts). */
export function splitOpinions(block: string): string[] {
  return splitOpinionBatch(block).opinions.map((o) => o.text);
}

/** Numbered points (with their continuation lines) or, in an unnumbered block, lines. */
function points(lines: string[]): Point[] {
  const isLead = (line: string) => LEAD_IN.test(line.trim()) || NAME_LEAD_IN.test(line.trim());
  const startsPoint = numberedBlock(lines) ? (line: string) => startsWithListNumber(line) || startsLineEnumeration(line) : () => true;
  const out: Point[] = [];
  let current: Point | null = null;
  const flush = () => {
    if (current && current.text.trim() !== '') out.push(current);
    current = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      flush();
      return;
    }
    if (current === null || startsPoint(raw) || isLead(stripEnumerator(line).text)) {
      flush();
      current = { text: line, line: i + 1 };
    } else {
      current.text += `\n${line}`;
    }
  });
  flush();
  return out;
}

function numberedBlock(lines: string[]): boolean {
  if (lines.some((l) => startsWithListNumber(l))) return true;
  // 一是… / 二是… on lines of their own.
  const values = lines.map((l) => inlineEnumeratorValue(stripEnumerator(l).marker)).filter((v) => v !== null);
  return values.includes(1) && values.includes(2);
}

function startsLineEnumeration(line: string): boolean {
  return inlineEnumeratorValue(stripEnumerator(line).marker) !== null;
}

const ENUMERATED_IS = /(?:^|(?<=[。；;，,：:！!？?\s]))[一二三四五六七八九十]是/g;

/** 「……：一是……；二是……」 in one point: the head and each X是 part (markers still on). */
function splitEnumeratedIs(point: Point): Point[] {
  const item = point.text;
  const starts = [...item.matchAll(ENUMERATED_IS)].map((m) => m.index);
  // Only a real enumeration: it must begin with 一是 and go on to 二是.
  if (starts.length < 2 || !item.slice(starts[0], starts[0] + 2).startsWith('一是') || !item.includes('二是')) return [point];
  const parts: Point[] = [];
  const head = item.slice(0, starts[0]).trim();
  if (head !== '') parts.push({ text: head, line: point.line });
  starts.forEach((start, i) => {
    const text = item.slice(start, starts[i + 1] ?? item.length).trim();
    if (text !== '') parts.push({ text, line: point.line + (item.slice(0, start).match(/\n/g)?.length ?? 0) });
  });
  return parts;
}

/** A lead-in at the start of `text`, with its target (or a refusal) and what follows it on the same line. */
function leadIn(text: string, members: readonly BatchMember[]): { text: string; target: BatchTarget | null; hint: BatchLeadIn['hint']; rest: string } | null {
  const body = stripEnumerator(text).text.trim();
  const m = LEAD_IN.exec(body) ?? NAME_LEAD_IN.exec(body);
  if (!m) return null;
  const rest = body.slice(m[0].length);
  // A whole sentence that merely starts with 对… (对群众反映的问题回应不够) is an opinion, not a lead-in.
  if (!/[：:]$/.test(m[0]) && rest.trim() !== '') return null;
  if (/[，,。；;]/.test(m[1])) return null;
  const who = m[1].replace(/同志$/, '').trim();
  const lead = m[0].trim();
  const target = resolve(who, members);
  if (target) {
    const name = target.kind === 'team' ? '领导班子' : target.name;
    const nameEn = target.kind === 'team' ? 'the leadership team' : target.name;
    return { text: lead, target, rest, hint: { zh: `引导语，不作为意见：以下意见的对象为“${name}”。`, en: `A lead-in, not an opinion: the opinions below are about ${nameEn}.` } };
  }
  const hint = NO_NAME.test(who)
    ? { zh: `引导语，不作为意见保存：未写明是哪位班子成员，以下意见按上方所选对象保存，请核对。`, en: 'A lead-in, not saved as an opinion: it names no member, so the opinions below take the target chosen above. Please check.' }
    : { zh: `引导语，不作为意见保存：班子成员中没有“${who}”，以下意见按上方所选对象保存，请核对姓名。`, en: `A lead-in, not saved as an opinion: no member is called “${who}”, so the opinions below take the target chosen above. Check the name.` };
  return { text: lead, target: null, rest, hint };
}

function resolve(who: string, members: readonly BatchMember[]): BatchTarget | null {
  if (who === '') return null;
  const byName = members.filter((m) => m.name !== '' && who.includes(m.name));
  if (byName.length === 1) return { kind: 'member', memberId: byName[0].id, name: byName[0].name };
  if (NO_NAME.test(who)) return null;
  if (TEAM.test(who)) return { kind: 'team' };
  const exact = members.filter((m) => m.position === who);
  const byPosition = exact.length > 0 ? exact : members.filter((m) => m.position && m.position.endsWith(who));
  if (byPosition.length === 1) return { kind: 'member', memberId: byPosition[0].id, name: byPosition[0].name };
  return null;
}
