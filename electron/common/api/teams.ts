import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, L, oneOf, text } from '../validation';
import { ORGANS, ROLES, type MemberRole, type Organ } from '../teams/vocab';

export { ORGANS, ROLES, type MemberRole, type Organ };

export interface Team {
  id: number;
  name: string;
  organ: Organ;
  unit: string;
  memberCount: number;
}

export interface Member {
  id: number;
  teamId: number;
  name: string;
  position: string;
  role: MemberRole;
  portfolio: string;
  sortOrder: number;
  status: 'active' | 'left';
  leftOn: string | null;
}

const teamFields = {
  name: text(L.teamName, 100, { min: 1 }),
  organ: oneOf({ zh: '组织类型', en: 'Organ' }, ORGANS),
  unit: text(L.unit, 100),
};

const memberFields = {
  name: text(L.name, 50, { min: 1 }),
  position: text(L.position, 100),
  role: oneOf(L.role, ROLES),
  portfolio: text(L.portfolio, 500),
};

export const teamsApi = {
  'teams.list': channel(z.object({}).strict()).returns<Team[]>(),
  'teams.create': channel(z.object(teamFields).strict()).returns<Team>(),
  'teams.update': channel(z.object({ id: id(), ...teamFields }).strict()).returns<Team>(),
  'members.list': channel(z.object({ teamId: id(), includeLeft: z.boolean().optional() }).strict()).returns<Member[]>(),
  'members.create': channel(z.object({ teamId: id(), ...memberFields }).strict()).returns<Member>(),
  'members.update': channel(z.object({ id: id(), ...memberFields }).strict()).returns<Member>(),
  /** The full new order of a team's members (ids), as the user arranged them. */
  'members.reorder': channel(z.object({ teamId: id(), order: z.array(id()).min(1).max(500) }).strict()).returns<Member[]>(),
  'members.setStatus': channel(
    z.object({ id: id(), status: oneOf({ zh: '状态', en: 'Status' }, ['active', 'left']), leftOn: isoDate({ zh: '离任日期', en: 'Date left' }).nullable().optional() }).strict(),
  ).returns<Member>(),
};
