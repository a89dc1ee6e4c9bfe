import { meetingsApi } from './meetings';
import { exchangeApi } from './exchange';
import { backupApi } from './backup';
import { encryptionApi } from './encryption';
import { settingsApi } from './settings';
import { teamsApi } from './teams';
import { talksApi } from './talks';
import { opinionsApi } from './opinions';
import { materialsApi } from './materials';
import { studyApi } from './study';
import { prepApi } from './prep';
import { minutesApi } from './minutes';
import { rectificationApi } from './rectification';
import { searchApi } from './search';
import { checksApi } from './checks';
import { submissionApi } from './submission';
import { verificationApi } from './verification';
import { undoApi } from './undo';
import type { ChannelMap, InputOf, OutputOf } from './define';

/**
 * The whole API between the renderer and main: every channel declared once, here. Each concept adds its own map
 * (one file in this folder) and one spread below.
 */
export const contract = {
  ...settingsApi,
  ...exchangeApi,
  ...backupApi,
  ...encryptionApi,
  ...teamsApi,
  ...meetingsApi,
  ...opinionsApi,
  ...materialsApi,
  ...talksApi,
  ...studyApi,
  ...prepApi,
  ...minutesApi,
  ...rectificationApi,
  ...searchApi,
  ...checksApi,
  ...submissionApi,
  ...verificationApi,
  ...undoApi,
} satisfies ChannelMap;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Input<C extends ChannelName> = InputOf<Contract[C]>;
export type Output<C extends ChannelName> = OutputOf<Contract[C]>;
export const channelNames = Object.keys(contract) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName => typeof name === 'string' && Object.hasOwn(contract, name);
