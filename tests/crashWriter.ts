/*
 * The victim of the crash test: writes mixed records through the real dispatch as fast as it can and prints
 * "ACK <marker>" only after dispatch returned ok (the transaction committed). The parent kills it with SIGKILL at a
 * random moment and then checks that every acknowledged marker is in the file. Every kind below takes part, in
 * turn; a refused write is printed as SKIP (and fails tests/crash.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import type { ChannelName } from '../electron/common/api';
import { createContext } from '../electron/handlers/compose';
import { dispatch } from '../electron/handlers/dispatch';
import { folderFiles } from '../electron/handlers/files';

const [dataFile, setupJson, prefix] = process.argv.slice(2);
const setup = JSON.parse(setupJson) as { teamId: number; meetingId: number; memberIds: number[]; agendaItemId: number };

const out = (line: string) => fs.writeSync(1, `${line}\n`);

type Writer = (marker: string, n: number) => unknown[];
const m = setup.memberIds;
const writers: Record<string, { channel: ChannelName; input: Writer }> = {
  team: { channel: 'teams.create', input: (k) => [{ name: `党组${k}`, organ: 'party_group', unit: '' }] },
  member: { channel: 'members.create', input: (k) => [{ teamId: setup.teamId, name: `成员${k}`.slice(0, 50), position: '副县长', role: 'member', portfolio: '' }] },
  meeting: {
    channel: 'meetings.create',
    input: (k) => [{ teamId: setup.teamId, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: `主题${k}`, date: '2026-12-18', startTime: '09:00', place: '', hostMemberId: null, recorder: '', quorumRatio: 0.67, aspects: [{ label: `方面${k}` }], guests: [] }],
  },
  attendance: { channel: 'attendance.set', input: (k, n) => [{ meetingId: setup.meetingId, memberId: m[n % m.length], present: false, absenceReason: 'leave', note: k }] },
  opinion: {
    channel: 'opinions.create',
    input: (k) => [{ meetingId: setup.meetingId, opinion: { channel: 'box', source: '', date: null, targetMemberId: null, aspectId: null, text: `意见${k}`, anonymous: false, submitter: '' } }],
  },
  entry: {
    channel: 'minutes.saveEntry',
    input: (k, n) => [
      { meetingId: setup.meetingId, key: `crash${k.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 64).padEnd(8, '0'), revision: 1, agendaItemId: setup.agendaItemId, type: 'comment', fromMemberId: m[n % m.length], fromGuest: '', toMemberId: null, aspectId: null, text: `发言${k}`, draft: false },
    ],
  },
  item: {
    channel: 'rectification.createItem',
    input: (k) => [{ meetingId: setup.meetingId, item: { aspectId: null, memberId: null, problem: `问题${k}`, target: '', measures: [`措施${k}`], leaderIds: [], unit: '', ownerPerson: '', deadline: { kind: 'date', date: '2026-12-31' }, note: '' }, sources: [] }],
  },
};

async function main() {
  const connection = await openDatabase({ file: dataFile });
  const ctx = createContext(connection, { files: folderFiles(path.join(os.tmpdir(), 'jj-crash-exports')), appVersion: 'crash' });
  const active = Object.entries(writers);
  out(`KINDS ${active.map(([k]) => k).join(',')}`);
  for (let n = 0; ; n++) {
    const [kind, writer] = active[n % active.length];
    const marker = `${prefix}N${n}Z`;
    const args = writer.input(marker, n);
    // Settings are written now and then too (a JSON row rewritten in place).
    if (n % 7 === 0) await dispatch(ctx, 'settings.update', { locale: n % 2 ? 'en' : 'zh-CN' });
    const result = await dispatch(ctx, writer.channel, args[0]);
    // Attendance rewrites one row per member: only the newest acknowledged value per slot must survive.
    if (result.ok) out(`ACK ${kind} ${marker}${kind === 'attendance' ? ` ${m[n % m.length]}` : ''}`);
    else {
      out(`SKIP ${kind} ${result.error.code} ${result.error.messageEn.slice(0, 120)}`);
      active.splice(active.findIndex(([k]) => k === kind), 1);
      if (active.length === 0) return;
    }
  }
}

void main();
