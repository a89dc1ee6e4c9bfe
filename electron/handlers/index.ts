import type { Contract } from '../common/api';
import { meetingsHandlers } from './meetings';
import { exchangeHandlers } from './exchange';
import { backupHandlers } from './backup';
import { encryptionHandlers } from './encryption';
import { settingsHandlers } from './settings';
import { teamsHandlers } from './teams';
import { talksHandlers } from './talks';
import { opinionsHandlers } from './opinions';
import { materialsHandlers } from './materials';
import { studyHandlers } from './study';
import { prepHandlers } from './prep';
import { minutesHandlers } from './minutes';
import { rectificationHandlers } from './rectification';
import { searchHandlers } from './search';
import type { HandlerMap } from './types';

/** Every handler, one map per concept. The type makes a channel without a handler a compile error. */
export const handlers: HandlerMap<Contract> = {
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
};
