import type { Component } from 'vue';

export type Phase = 'overview' | 'before' | 'during' | 'after';

/**
 * The screens inside a meeting's workspace, in the order of the work. Each feature adds its screens here (one line
 * each) and the workspace navigation and the router pick them up.
 */
export interface WorkspaceSection {
  phase: Phase;
  /** Path under /meetings/:id/ ('' is the overview). */
  path: string;
  /** i18n key of the navigation label. */
  label: string;
  component: () => Promise<Component | { default: Component }>;
}

export const workspaceSections: WorkspaceSection[] = [
  { phase: 'overview', path: '', label: 'workspace.overview', component: () => import('./DashboardView.vue') },
  { phase: 'before', path: 'prep-docs', label: 'prep.title', component: () => import('../prep/PrepDocsView.vue') },
  { phase: 'before', path: 'study', label: 'study.title', component: () => import('../study/StudyView.vue') },
  { phase: 'before', path: 'opinions', label: 'opinions.nav', component: () => import('../opinions/OpinionsView.vue') },
  { phase: 'before', path: 'talks', label: 'talks.title', component: () => import('../talks/TalksView.vue') },
  { phase: 'before', path: 'materials', label: 'materials.nav', component: () => import('../materials/MaterialsView.vue') },
  { phase: 'during', path: 'minutes', label: 'minutes.nav', component: () => import('../minutes/MinutesConsoleView.vue') },
  { phase: 'after', path: 'verification', label: 'verification.nav', component: () => import('../verification/VerificationView.vue') },
  { phase: 'after', path: 'rectification', label: 'rectification.nav', component: () => import('../rectification/RectificationView.vue') },
  { phase: 'after', path: 'report', label: 'report.nav', component: () => import('../report/ReportView.vue') },
  { phase: 'after', path: 'submission', label: 'submission.nav', component: () => import('../submission/SubmissionView.vue') },
];
