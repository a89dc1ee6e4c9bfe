import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, Settings } from '../../../../electron/common/api/settings';
import { call } from '../../api/client';
import { i18n, type UiLocale } from '../../i18n';

export const useAppStore = defineStore('app', () => {
  const settings = ref<Settings | null>(null);
  const info = ref<AppInfo | null>(null);

  function applyLocale(locale: UiLocale) {
    i18n.global.locale.value = locale;
    document.documentElement.lang = locale;
  }

  async function load() {
    [settings.value, info.value] = await Promise.all([call('settings.get', {}), call('app.info', {})]);
    applyLocale(settings.value.locale);
  }

  async function setLocale(locale: UiLocale) {
    settings.value = await call('settings.update', { locale });
    applyLocale(locale);
  }

  async function updateSettings(patch: Parameters<typeof call<'settings.update'>>[1]) {
    settings.value = await call('settings.update', patch);
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
