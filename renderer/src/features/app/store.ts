import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, Settings } from '../../../../electron/common/api/settings';
import { call } from '../../api/client';
import { i18n, SUPPORTED_LOCALES, type UiLocale } from '../../i18n';

const LAST_LOCALE = 'jingjian.lastLocale';

/**
 * The language last used, kept in the browser's storage (not a secret) so that the unlock and recovery screens,
 * shown before the data file and its settings can be read, speak the user's language.
 */
export function lastLocale(): UiLocale | null {
  try {
    const value = localStorage.getItem(LAST_LOCALE);
    return SUPPORTED_LOCALES.find((l) => l === value) ?? null;
  } catch {
    return null;
  }
}

export const useAppStore = defineStore('app', () => {
  const settings = ref<Settings | null>(null);
  const info = ref<AppInfo | null>(null);

  function applyLocale(locale: UiLocale) {
    i18n.global.locale.value = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(LAST_LOCALE, locale);
    } catch {
      // Storage refused (private profile): the unlock screen then uses Chinese.
    }
  }

  async function load() {
    [settings.value, info.value] = await Promise.all([call('settings.get', {}), call('app.info', {})]);
    applyLocale(settings.value.locale);
    await reportTimeZone();
  }

  /**
   * One time zone, the user's: main writes documents (the Word minutes' times, today's date) in the zone this browser
   * shows times in, so it is told which one that is whenever it differs (electron/common/time/zone.ts).
   */
  async function reportTimeZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || !settings.value || settings.value.timeZone === zone) return;
    try {
      settings.value = await call('settings.update', { timeZone: zone });
    } catch {
      // A file open for viewing only keeps what it has: main then uses its own zone, as before.
    }
  }

  async function setLocale(locale: UiLocale) {
    settings.value = await call('settings.update', { locale });
    applyLocale(locale);
  }

  async function updateSettings(patch: Parameters<typeof call<'settings.update'>>[1]) {
    settings.value = await call('settings.update', patch);
    return settings.value;
  }

  async function loadDemo() {
    const ids = await call('app.loadDemo', {});
    info.value = await call('app.info', {});
    return ids;
  }

  async function refreshInfo() {
    info.value = await call('app.info', {});
  }

  return { settings, info, load, setLocale, updateSettings, loadDemo, refreshInfo };
});
