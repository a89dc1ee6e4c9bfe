import type { HandlerContext } from '../context';

/**
 * What the secretary sees about a member while he or she speaks (the minutes side panel, read-only): the member's
 * material and the opinions addressed to him or her. Each feature's provider is listed in `providers.dossier` (electron/handlers/compose.ts).
 */
export interface DossierSection {
  kind: string;
  /** Bilingual title, e.g. { zh: '对照检查材料', en: 'Self-examination material' }. */
  title: { zh: string; en: string };
  /** Plain paragraphs, verbatim. */
  paragraphs: string[];
}

export type DossierProvider = (ctx: HandlerContext, meetingId: number, memberId: number | null) => Promise<DossierSection[]>;

export async function collectDossier(ctx: HandlerContext, meetingId: number, memberId: number | null): Promise<DossierSection[]> {
  const sections: DossierSection[] = [];
  for (const provider of ctx.providers.dossier) sections.push(...(await provider(ctx, meetingId, memberId)));
  return sections;
}
