import type { Role } from './graphql/caller.query';

/**
 * What each role may do, as the api decides it (README "API"): viewers see aggregates; analysts
 * also the rows behind them (messages, customers) and may upload files (POST /api/ingest/* takes
 * analyst and admin keys); admins also manage keys. The dashboard offers only what the api would
 * accept, so nobody is shown a control that can only fail.
 */
const RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

export type Ability = 'seeRows' | 'upload' | 'manageKeys';

const LEAST_ROLE: Record<Ability, Role> = { seeRows: 'ANALYST', upload: 'ANALYST', manageKeys: 'ADMIN' };

export function can(role: Role, ability: Ability): boolean {
  return RANK[role] >= RANK[LEAST_ROLE[ability]];
}

/** One line for someone whose key cannot do it, naming the role that can. */
export function needsRole(ability: Ability): string {
  const role = LEAST_ROLE[ability].toLowerCase();
  switch (ability) {
    case 'seeRows':
      return `The rows behind a figure need an ${role} key; this key sees aggregates only.`;
    case 'upload':
      return `Loading files needs an ${role} or admin key.`;
    case 'manageKeys':
      return `Keys are managed with an ${role} key.`;
  }
}
