import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { workspaceSections } from './features/meetings/sections';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./features/app/HomeView.vue') },
  { path: '/meetings', name: 'meetings', component: () => import('./features/meetings/MeetingsView.vue') },
  { path: '/meetings/new', name: 'meeting-new', component: () => import('./features/meetings/MeetingFormView.vue') },
  { path: '/meetings/:id(\\d+)/edit', name: 'meeting-edit', component: () => import('./features/meetings/MeetingFormView.vue'), props: true },
  {
    path: '/meetings/:id(\\d+)',
    component: () => import('./features/meetings/WorkspaceLayout.vue'),
    props: true,
    children: workspaceSections.map((section) => ({
      path: section.path,
      name: `ws-${section.path || 'overview'}`,
      component: section.component,
      meta: { phase: section.phase },
    })),
  },
  { path: '/teams', name: 'teams', component: () => import('./features/teams/TeamsView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./features/app/SettingsView.vue') },
  { path: '/export-log', name: 'export-log', component: () => import('./features/app/ExportLogView.vue') },
  { path: '/backup', name: 'backup', component: () => import('./features/backup/BackupView.vue') },
  { path: '/search', name: 'search', component: () => import('./features/search/SearchView.vue') },
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });
