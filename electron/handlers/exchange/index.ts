import { exchangeApi } from '../../common/api/exchange';
import { saveExport } from '../files';
import { userToday } from '../settings';
import type { HandlerMap } from '../types';
import { collectMeeting } from './exportMeeting';
import { importExchange, previewExchange } from './importMeeting';
import { exportMaterial, importMaterial, previewMaterial } from './material';

export const exchangeHandlers: HandlerMap<typeof exchangeApi> = {
  async 'exchange.export'(ctx, input) {
    const file = collectMeeting(ctx.sqlite, input.meetingId, { exportedAt: ctx.now().toISOString(), appVersion: ctx.appVersion });
    const meeting = file.tables.meetings.rows[0];
    const theme = String(meeting[file.tables.meetings.columns.indexOf('theme')]).slice(0, 40);
    const bytes = new TextEncoder().encode(JSON.stringify(file));
    return saveExport(ctx, {
      kind: 'exchange',
      meetingId: input.meetingId,
      suggestedName: `镜鉴交换文件-${theme}-${await userToday(ctx)}.json`,
      filters: [{ name: '镜鉴交换文件 Jingjian exchange file', extensions: ['json'] }],
      bytes,
    });
  },
  'exchange.preview': (ctx, input) => previewExchange(ctx.sqlite, input.bytes),
  'exchange.import': (ctx, input) => importExchange(ctx.sqlite, input.bytes, input.existing),
  'exchange.exportMaterial': (ctx, input) => exportMaterial(ctx, input.materialId),
  'exchange.previewMaterial': (ctx, input) => previewMaterial(ctx, input.meetingId, input.bytes),
  'exchange.importMaterial': (ctx, input) => importMaterial(ctx, input.meetingId, input.bytes),
};
