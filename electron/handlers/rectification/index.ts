import type { rectificationApi } from '../../common/api/rectification';
import type { HandlerMap } from '../types';
import { agreeHandlers } from './agree';
import { carryOverHandlers } from './carryOver';
import { dismissalHandlers } from './dismissals';
import { evidenceHandlers } from './evidence';
import { exportHandlers } from './exports';
import { importHandlers } from './importXlsx';
import { itemHandlers } from './items';
import { linkHandlers } from './links';
import { progressHandlers } from './progress';
import { reportHandlers } from './report';
import { reviewHandlers } from './review';
import { sourceImportHandlers } from './sourceImport';
import { sourceOptions } from './sources';
import { loadList } from './store';
import { getMeeting } from '../meetings';

export { rectificationProbe, rectificationFacts } from './probes';

export const rectificationHandlers: HandlerMap<typeof rectificationApi> = {
  'rectification.get': (ctx, input) => loadList(ctx, input.meetingId, input.today),
  'rectification.sources': async (ctx, input) => {
    // Refuses an unknown meeting; the list itself is not needed (building it cost as much as the sources).
    await getMeeting(ctx, input.meetingId);
    return sourceOptions(ctx, input.meetingId);
  },
  ...itemHandlers,
  ...linkHandlers,
  ...dismissalHandlers,
  ...agreeHandlers,
  ...progressHandlers,
  ...evidenceHandlers,
  ...reviewHandlers,
  ...sourceImportHandlers,
  ...carryOverHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...reportHandlers,
};
