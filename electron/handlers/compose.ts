/*
 * The composition root: the one file that imports every feature. It builds the handler map and the cross-feature
 * provider lists and hands them to each context; feature folders import only downward (context, types, the
 * registry types in meetings/, common, documents, db), so no import order can break start-up.
 */
import type { Connection } from '../../db/connection';
import { contextOver, type ContextOptions, type HandlerContext, type Providers } from './context';
import { dispatchWithin } from './dispatch';
import { meetingsHandlers } from './meetings';
import { meetingHeld } from './meetings/steps';
import { exchangeHandlers } from './exchange';
import { backupHandlers } from './backup';
import { encryptionHandlers } from './encryption';
import { settingsHandlers } from './settings';
import { teamsHandlers } from './teams';
import { talksHandlers } from './talks';
import { talkSources, talksFacts, talksStepProbe } from './talks/registry';
import { opinionsHandlers } from './opinions';
import { opinionsDossier, opinionsFacts, opinionsSources, opinionsStep } from './opinions/providers';
import { materialsHandlers } from './materials';
import { materialsDossier, materialsFacts, materialsSources, materialsStep } from './materials/providers';
import { studyHandlers } from './study';
import { prepHandlers } from './prep';
import { minutesHandlers } from './minutes';
import { minutesFacts, minutesSources } from './minutes/providers';
import { rectificationHandlers } from './rectification';
import { rectificationFacts, rectificationProbe } from './rectification/probes';
import { searchHandlers } from './search';
import { checksHandlers } from './checks';
import { submissionHandlers } from './submission';
import { verificationHandlers } from './verification';
import { submissionStep } from './submission/providers';
import { undoHandlers } from './undo';
import type { AppContract, HandlerMap } from './types';

/** Every handler, one map per concept. The type makes a channel without a handler a compile error. */
export const handlers: HandlerMap<AppContract> = {
  ...settingsHandlers,
  ...exchangeHandlers,
  ...backupHandlers,
  ...encryptionHandlers,
  ...teamsHandlers,
  ...meetingsHandlers,
  ...opinionsHandlers,
  ...materialsHandlers,
  ...talksHandlers,
  ...studyHandlers,
  ...prepHandlers,
  ...minutesHandlers,
  ...rectificationHandlers,
  ...searchHandlers,
  ...checksHandlers,
  ...submissionHandlers,
  ...verificationHandlers,
  ...undoHandlers,
};

/** One line per feature that contributes to another's screen or report. A fresh copy per context. */
export function appProviders(): Providers {
  return {
    steps: [meetingHeld, opinionsStep, talksStepProbe, materialsStep, rectificationProbe, submissionStep],
    facts: [opinionsFacts, talksFacts, materialsFacts, minutesFacts, rectificationFacts],
    sources: [opinionsSources, materialsSources, talkSources, minutesSources],
    dossier: [materialsDossier, opinionsDossier],
  };
}

/** The app's handler context over an open connection: every handler, every provider, and the host's demo loader. */
export function createContext(connection: Connection, options: ContextOptions): HandlerContext {
  const { loadDemo, ...rest } = options;
  const ctx = contextOver(connection, rest, { handlers, providers: appProviders() });
  // The demo's calls run inside app.loadDemo's own transaction and turn.
  if (loadDemo) ctx.loadDemo = () => loadDemo((channel, input) => dispatchWithin(ctx, channel, input));
  return ctx;
}
