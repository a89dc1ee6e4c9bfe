import { createI18n } from 'vue-i18n';
import { en } from './en';
import { zhCN } from './zh-CN';

export type MessageSchema = typeof zhCN;
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type UiLocale = (typeof SUPPORTED_LOCALES)[number];

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});
