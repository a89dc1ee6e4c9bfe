import path from 'node:path';
import { openDatabase, type Connection } from '../db/connection';
import { isChannelName, type ChannelName } from '../electron/common/api';
import { createContext } from '../electron/handlers/compose';
import type { HandlerContext } from '../electron/handlers/context';
import { dispatch } from '../electron/handlers/dispatch';
import { folderFiles } from '../electron/handlers/files';

/** A database opened as the app opens it, with a handler context and calls through the real dispatch. */
export interface BenchApp {
  connection: Connection;
  ctx: HandlerContext;
  exportDir: string;
  call(channel: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Thrown when a channel the benchmark needs is not in this build: its rows print "n/a (feature missing)". */
export class FeatureMissing extends Error {}

export function needChannels(...channels: string[]): void {
  const missing = channels.filter((c) => !isChannelName(c));
  if (missing.length > 0) throw new FeatureMissing(missing.join(', '));
}

export async function openBenchApp(file: string, exportDir = path.join(path.dirname(file), 'exports')): Promise<BenchApp> {
  const connection = await openDatabase({ file });
  const ctx = createContext(connection, { files: folderFiles(exportDir), appVersion: 'bench' });
  return {
    connection,
    ctx,
    exportDir,
    async call(channel, input) {
      if (!isChannelName(channel)) throw new FeatureMissing(channel);
      const result = await dispatch(ctx, channel as ChannelName, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
      return result.value;
    },
    close: () => connection.close(),
  };
}

/** A team of nine and one meeting, through the channels. */
export async function teamAndMeeting(app: BenchApp): Promise<{ teamId: number; meetingId: number; memberIds: number[] }> {
  const team = (await app.call('teams.create', { name: '中共基准县人民政府党组', organ: 'party_group', unit: '基准县人民政府' })) as { id: number };
  const memberIds: number[] = [];
  const names = ['林向东', '周明华', '陈晓燕', '王建国', '赵立新', '孙丽娟', '刘志强', '黄海峰', '吴国平'];
  for (const [i, name] of names.entries()) {
    const member = (await app.call('members.create', { teamId: team.id, name, position: '党组成员', role: i === 0 ? 'secretary' : i === 1 ? 'deputy' : 'member', portfolio: '' })) as { id: number };
    memberIds.push(member.id);
  }
  const meeting = (await app.call('meetings.create', {
    teamId: team.id,
    kind: 'annual',
    trigger: null,
    triggerReason: '',
    year: 2026,
    theme: '深入学习贯彻党的创新理论，推动高质量发展',
    date: '2026-12-18',
    startTime: '09:00',
    place: '机关三楼会议室',
    hostMemberId: memberIds[0],
    recorder: '记录人',
    quorumRatio: 0.67,
    aspects: [{ label: '在坚持和加强党的全面领导方面' }, { label: '在履职尽责、担当作为方面' }],
    guests: [],
  })) as { id: number };
  return { teamId: team.id, meetingId: meeting.id, memberIds };
}
