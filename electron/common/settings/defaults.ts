// The settings and their defaults, without zod so the renderer can use them without loading the contract.
import { DEFAULT_STEP_OFFSETS, type StepKey } from '../meetings/steps';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface DocumentSettings {
  fontProfile: 'gb2312' | 'system';
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  lineSpacingPt: number;
  pageNumberStyle: 'outer' | 'center';
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  fontProfile: 'gb2312',
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  lineSpacingPt: 28,
  pageNumberStyle: 'outer',
};

export interface Settings {
  locale: Locale;
  stepOffsets: Record<StepKey, number>;
  document: DocumentSettings;
  /** The user's IANA time zone as the renderer reports it ('' until then: main's own), see electron/common/time/zone.ts. */
  timeZone: string;
  /** The unit's range of a member's 对照检查材料 length (characters), read by the 材料体检 (issue 17 §3). */
  materialLength: { min: number; max: number };
}

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  stepOffsets: DEFAULT_STEP_OFFSETS,
  document: DEFAULT_DOCUMENT_SETTINGS,
  timeZone: '',
  materialLength: { min: 3000, max: 10000 },
};
