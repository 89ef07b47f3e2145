import type { Role } from '../auth/graphql/caller.query';

/** The longest key name the api takes (api-keys.resolver.ts: textProblem(name, 200)). */
export const MAX_KEY_NAME = 200;

export const ROLE_CHOICES: readonly { role: Role; label: string; detail: string }[] = [
  { role: 'VIEWER', label: 'Viewer', detail: 'aggregates only' },
  { role: 'ANALYST', label: 'Analyst', detail: 'also messages, customers and uploads' },
  { role: 'ADMIN', label: 'Admin', detail: 'also keys' },
];

/** What is wrong with a key name as typed, or null: the api's rule, so the form says it first. */
export function keyNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the key a name, e.g. who or what uses it.';
  if (trimmed.length > MAX_KEY_NAME) return `At most ${MAX_KEY_NAME} characters.`;
  return null;
}

/** Active keys first (newest first), then revoked ones: what an admin acts on comes first. */
export function sortKeys<K extends { createdAt: string; revokedAt: string | null }>(keys: readonly K[]): K[] {
  return [...keys].sort((a, b) => {
    if ((a.revokedAt === null) !== (b.revokedAt === null)) return a.revokedAt === null ? -1 : 1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}
