import type { checksApi } from '../../common/api/checks';
import { notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import type { HandlerMap } from '../types';
import { checkupData, leave, review } from './checkup';
import { getLibraryItem, importLibraryFile, LIBRARY_ITEM, listLibrary } from './library';
import { nameEntries } from './names';
import { listRules, removeRule, saveRule } from './rules';
import { checkMaterial } from './similarity';
import { nearIdenticalTalks } from './talks';

function assertTeam(ctx: HandlerContext, teamId: number): void {
  if (!ctx.sqlite.prepare('SELECT 1 FROM teams WHERE id = ?').get(teamId)) throw notFound({ zh: '领导班子', en: 'Team' }, teamId);
}

export const checksHandlers: HandlerMap<typeof checksApi> = {
  'checks.material': (ctx, input) => checkMaterial(ctx.sqlite, input.id),
  async 'checks.talks'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    return nearIdenticalTalks(ctx.sqlite, input.meetingId);
  },
  'checks.library.list': (ctx) => listLibrary(ctx.sqlite),
  'checks.library.import': (ctx, input) => importLibraryFile(ctx.sqlite, input, nowIso(ctx)),
  'checks.library.update'(ctx, input) {
    // Being official is read at check time; the fingerprints stay the same.
    getLibraryItem(ctx.sqlite, input.id);
    ctx.sqlite.prepare('UPDATE check_library SET title = ?, year = ?, official = ? WHERE id = ?').run(input.title, input.year, input.official ? 1 : 0, input.id);
    return getLibraryItem(ctx.sqlite, input.id);
  },
  'checks.library.remove'(ctx, input) {
    if (ctx.sqlite.prepare('DELETE FROM check_library WHERE id = ?').run(input.id).changes === 0) throw notFound(LIBRARY_ITEM, input.id);
    return null;
  },
  'checks.names.list'(ctx, input) {
    assertTeam(ctx, input.teamId);
    return nameEntries(ctx.sqlite, input.teamId);
  },
  'checks.names.set'(ctx, input) {
    assertTeam(ctx, input.teamId);
    ctx.sqlite.prepare('INSERT INTO check_names (team_id, name, verdict) VALUES (?, ?, ?) ON CONFLICT (team_id, name) DO UPDATE SET verdict = excluded.verdict').run(input.teamId, input.name, input.verdict);
    return nameEntries(ctx.sqlite, input.teamId);
  },
  'checks.names.remove'(ctx, input) {
    if (ctx.sqlite.prepare('DELETE FROM check_names WHERE id = ? AND team_id = ?').run(input.id, input.teamId).changes === 0) throw notFound({ zh: '名称', en: 'Name' }, input.id);
    return nameEntries(ctx.sqlite, input.teamId);
  },
  'checks.checkup': (ctx, input) => checkupData(ctx, input.materialId),
  'checks.checkup.leave': (ctx, input) => leave(ctx, input),
  'checks.checkup.review': (ctx, input) => review(ctx, input),
  'checks.rules.list': (ctx) => listRules(ctx.sqlite),
  'checks.rules.save': (ctx, input) => saveRule(ctx.sqlite, input),
  'checks.rules.remove': (ctx, input) => removeRule(ctx.sqlite, input.id),
};
