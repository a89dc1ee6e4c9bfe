import { appMessages } from '../features/app/i18n';
import { backupMessages } from '../features/backup/i18n';
import { encryptionMessages } from '../features/encryption/i18n';
import { meetingsMessages } from '../features/meetings/i18n';
import { teamsMessages } from '../features/teams/i18n';
import { talksMessages } from '../features/talks/i18n';
import { materialsMessages } from '../features/materials/i18n';
import { opinionsMessages } from '../features/opinions/i18n';
import { studyMessages } from '../features/study/i18n';
import { prepMessages } from '../features/prep/i18n';
import { minutesMessages } from '../features/minutes/i18n';
import { searchMessages } from '../features/search/i18n';
import { rectificationMessages } from '../features/rectification/i18n';
import { checksMessages } from '../features/checks/i18n';
import { submissionMessages } from '../features/submission/i18n';
import { verificationMessages } from '../features/verification/i18n';
import { undoMessages } from '../features/undo/i18n';

/** Chinese is the default and the reference: every key exists here. Each feature keeps its own texts in its folder. */
export const zhCN = {
  ...appMessages['zh-CN'],
  ...backupMessages['zh-CN'],
  ...encryptionMessages['zh-CN'],
  ...teamsMessages['zh-CN'],
  ...meetingsMessages['zh-CN'],
  ...opinionsMessages['zh-CN'],
  ...talksMessages['zh-CN'],
  ...materialsMessages['zh-CN'],
  ...studyMessages['zh-CN'],
  ...prepMessages['zh-CN'],
  ...minutesMessages['zh-CN'],
  ...searchMessages['zh-CN'],
  ...rectificationMessages['zh-CN'],
  ...checksMessages['zh-CN'],
  ...submissionMessages['zh-CN'],
  ...verificationMessages['zh-CN'],
  ...undoMessages['zh-CN'],
};
