import type { HandlerContext } from '../context';
import { opinionsDossier } from '../opinions/providers';
import { materialsDossier } from '../materials/providers';

/**
 * What the secretary sees about a member while he or she speaks (the minutes side panel, read-only): the member's
 * material and the opinions addressed to him or her. Each feature lists its provider in `dossierProviders`.
 */
export interface DossierSection {
  kind: string;
  /** Bilingual title, e.g. { zh: '对照检查材料', en: 'Self-examination material' }. */
  title: { zh: string; en: string };
  /** Plain paragraphs, verbatim. */
  paragraphs: string[];
}

export type DossierProvider = (ctx: HandlerContext, meetingId: number, memberId: number | null) => Promise<DossierSection[]>;

export const dossierProviders: DossierProvider[] = [materialsDossier, opinionsDossier];

export async function collectDossier(ctx: HandlerContext, meetingId: number, memberId: number | null): Promise<DossierSection[]> {
  const sections: DossierSection[] = [];
  for (const provider of dossierProviders) sections.push(...(await provider(ctx, meetingId, memberId)));
  return sections;
}
