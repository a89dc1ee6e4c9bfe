// Near-identical 谈心谈话 records of one talker (domain.md §10: 22 identical records of one leader). A meeting holds
// tens of talks, so the records are compared pairwise in memory with the same passage verification as materials.
import type Database from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../../../db/statements';
import type { TalkRecordPair } from '../../common/api/checks';
import { compareTexts, covered, normalise, TALK_NEAR_IDENTICAL, textSegments, type NormalText, type TextSegment } from '../../common/checks';
import { shown } from './similarity';

interface Record {
  talkId: number;
  date: string;
  text: string;
  people: { memberId: number | null; name: string }[];
}

export function nearIdenticalTalks(sqlite: Database.Database, meetingId: number): TalkRecordPair[] {
  const rows = cachedStatement(
    sqlite,
    `SELECT t.id, t.date, t.agreed, p.member_id, coalesce(m.name, tp.name, '') AS name, p.points
       FROM talks t JOIN talk_participants p ON p.talk_id = t.id
       LEFT JOIN members m ON m.id = p.member_id LEFT JOIN talk_people tp ON tp.id = p.person_id
      WHERE t.meeting_id = ? ORDER BY t.date, t.id, p.sort_order`,
  ).all(meetingId) as { id: number; date: string; agreed: string; member_id: number | null; name: string; points: string }[];
  const records = new Map<number, Record>();
  for (const r of rows) {
    let rec = records.get(r.id);
    if (!rec) records.set(r.id, (rec = { talkId: r.id, date: r.date, text: r.agreed, people: [] }));
    rec.people.push({ memberId: r.member_id, name: r.name });
    rec.text = `${r.points}\n${rec.text}`;
  }
  const byTalker = new Map<number, { name: string; records: Record[] }>();
  for (const rec of records.values()) {
    for (const p of rec.people) {
      if (p.memberId === null) continue;
      let entry = byTalker.get(p.memberId);
      if (!entry) byTalker.set(p.memberId, (entry = { name: p.name, records: [] }));
      entry.records.push(rec);
    }
  }
  const prepared = new Map<number, { segments: TextSegment[]; norm: NormalText }>();
  const prep = (rec: Record) => {
    let p = prepared.get(rec.talkId);
    if (!p) {
      const segments = textSegments(rec.text);
      prepared.set(rec.talkId, (p = { segments, norm: normalise(segments) }));
    }
    return p;
  };
  const out: TalkRecordPair[] = [];
  for (const [memberId, { name, records: list }] of byTalker) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        let [a, b] = [prep(list[i]), prep(list[j])];
        let [ra, rb] = [list[i], list[j]];
        if (a.norm.chars.length > b.norm.chars.length) [a, b, ra, rb] = [b, a, rb, ra];
        if (a.norm.chars.length === 0) continue;
        const passages = compareTexts(a.norm, b.norm);
        const share = covered(a.norm.chars.length, passages) / a.norm.chars.length;
        if (share < TALK_NEAR_IDENTICAL) continue;
        const partner = (rec: Record) => rec.people.filter((p) => p.memberId !== memberId).map((p) => p.name).join('、');
        out.push({
          memberId,
          talker: name,
          a: { talkId: ra.talkId, date: ra.date, partner: partner(ra) },
          b: { talkId: rb.talkId, date: rb.date, partner: partner(rb) },
          share: Math.round(share * 1000) / 1000,
          passages: passages.flatMap((p) => shown(a.segments, a.norm, b.segments, b.norm, p)),
        });
      }
    }
  }
  return out.sort((x, y) => y.share - x.share);
}
