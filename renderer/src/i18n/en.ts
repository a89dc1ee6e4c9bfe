import { appMessages } from '../features/app/i18n';
import { meetingsMessages } from '../features/meetings/i18n';
import { teamsMessages } from '../features/teams/i18n';
import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  ...appMessages.en,
  ...teamsMessages.en,
  ...meetingsMessages.en,
};
