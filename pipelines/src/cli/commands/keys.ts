import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey, ROLES, type ApiKey, type Role } from '@resonance/sql';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../database';

const ACTIONS = ['create', 'list', 'revoke'] as const;
const USAGE =
  'keys create|list|revoke --workspace <id> [--role viewer|analyst|admin] [--name <who>] [--key <key id>] [--json]';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function usage(message: string): UsageError {
  return new UsageError(`${message}\nusage: resonance ${USAGE}`);
}

function describe(key: ApiKey): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
  return `${key.keyId}  ${key.role.padEnd(7)}  ${state.padEnd(32)}  created ${key.createdAt.toISOString()}  ${key.name}`;
}

/**
 * `resonance keys`: API keys of a workspace. The secret is printed once, at creation; only its
 * hash is stored, so a lost key is revoked and replaced, never recovered.
 */
export const keysCommand: Command = {
  name: 'keys',
  summary: 'create, list or revoke the API keys of a workspace (the secret is shown once)',
  usage: USAGE,
  options: {
    workspace: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    key: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }) {
    const [action, ...extra] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action))
      throw usage(`an action is required: ${ACTIONS.join(', ')}`);
    if (extra.length > 0) throw usage(`unexpected argument "${extra[0]}"`);
    const workspaceId = text(values.workspace)?.trim();
    if (!workspaceId) throw usage('--workspace is required');
    const json = values.json === true;
    const out = (line: string) => process.stdout.write(`${line}\n`);

    if (action === 'create') {
      const role = (text(values.role) ?? 'viewer') as Role;
      if (!(ROLES as readonly string[]).includes(role))
        throw usage(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
      const name = text(values.name) ?? `${role} key`;
      try {
        const key = await withDatabase((db) => createApiKey(db, { workspaceId, role, name }));
        if (json) out(JSON.stringify({ keyId: key.keyId, workspace: workspaceId, role, name, secret: key.secret }));
        else {
          out(`Created ${role} key ${key.keyId} for workspace "${workspaceId}":`);
          out(`  ${key.secret}`);
          out('Shown only now: only its hash is stored. Send it as "Authorization: Bearer <key>".');
        }
        return 0;
      } catch (error) {
        if (error instanceof ApiKeyError) throw usage(error.message);
        throw error;
      }
    }

    if (action === 'list') {
      const keys = await withDatabase((db) => listApiKeys(db, workspaceId));
      if (json) out(JSON.stringify(keys));
      else if (keys.length === 0) out(`workspace "${workspaceId}" has no API keys`);
      else keys.forEach((k) => out(describe(k)));
      return 0;
    }

    const keyId = text(values.key) ?? '';
    if (!keyId) throw usage('--key <key id> is required to revoke (see `resonance keys list`)');
    const revoked = await withDatabase((db) => revokeApiKey(db, workspaceId, keyId));
    if (json) out(JSON.stringify({ keyId, workspace: workspaceId, revoked }));
    else
      out(
        revoked
          ? `Revoked key ${keyId} of workspace "${workspaceId}"`
          : `workspace "${workspaceId}" has no key ${keyId}`,
      );
    return revoked ? 0 : 1;
  },
};
