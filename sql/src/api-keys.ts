import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from './client';
import { ROLES, toClickHouseTime, type Role } from './model';

/** A key as the api sees it: never the secret, which exists only in the caller's hands. */
export interface ApiKey {
  keyId: string;
  workspaceId: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewApiKey {
  keyId: string;
  /** Shown once; only its SHA-256 is stored. */
  secret: string;
}

export class ApiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiKeyError';
  }
}

const KEY_ID = /^[0-9a-f]{16}$/;
const SECRET = /^rk_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;
const MAX_NAME = 200;

interface ApiKeyRow {
  workspace_id: string;
  key_id: string;
  key_hash: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

let lastVersion = 0;
/** Row versions strictly increase within the process, so a revoke right after a create still wins. */
function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

function fromClickHouseTime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

function fromRow(row: ApiKeyRow): ApiKey {
  return {
    keyId: row.key_id,
    workspaceId: row.workspace_id,
    name: row.name,
    role: row.role,
    createdAt: fromClickHouseTime(row.created_at),
    revokedAt: row.revoked_at === null ? null : fromClickHouseTime(row.revoked_at),
  };
}

/**
 * Creates a key for a workspace. The secret is `rk_<keyId>_<32 random bytes, base64url>`; the key
 * id inside it lets a lookup find the one row to compare, and only the SHA-256 of the whole secret
 * is stored.
 */
export async function createApiKey(
  db: Database,
  input: { workspaceId: string; role: Role; name: string },
): Promise<NewApiKey> {
  const workspaceId = input.workspaceId.trim();
  const name = input.name.trim();
  if (!workspaceId) throw new ApiKeyError('workspaceId is required');
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new ApiKeyError(`role must be one of ${ROLES.join(', ')}, got "${input.role}"`);
  }
  if (!name) throw new ApiKeyError('a key needs a name (who or what uses it)');
  if (name.length > MAX_NAME) throw new ApiKeyError(`name: at most ${MAX_NAME} characters`);
  const keyId = randomBytes(8).toString('hex');
  const secret = `rk_${keyId}_${randomBytes(32).toString('base64url')}`;
  await db.client.insert({
    table: 'api_keys',
    format: 'JSONEachRow',
    values: [
      {
        workspace_id: workspaceId,
        key_id: keyId,
        key_hash: hashSecret(secret),
        name,
        role: input.role,
        created_at: toClickHouseTime(Date.now()),
        revoked_at: null,
        version: nextVersion(),
      },
    ],
  });
  return { keyId, secret };
}

async function selectKeys(db: Database, where: string, params: Record<string, unknown>): Promise<ApiKeyRow[]> {
  const result = await db.client.query({
    query: `SELECT workspace_id, key_id, key_hash, name, role, created_at, revoked_at
            FROM api_keys FINAL
            WHERE ${where}
            ORDER BY created_at, key_id`,
    query_params: params,
    format: 'JSONEachRow',
  });
  return result.json<ApiKeyRow>();
}

/** The workspace's keys, revoked ones included, oldest first. */
export async function listApiKeys(db: Database, workspaceId: string): Promise<ApiKey[]> {
  const rows = await selectKeys(db, 'workspace_id = {workspace_id:String}', { workspace_id: workspaceId });
  return rows.map(fromRow);
}

/** Revokes a key of the workspace. False when the workspace has no such key; revoking twice is a no-op. */
export async function revokeApiKey(db: Database, workspaceId: string, keyId: string): Promise<boolean> {
  if (!KEY_ID.test(keyId)) return false;
  const [row] = await selectKeys(db, 'workspace_id = {workspace_id:String} AND key_id = {key_id:String}', {
    workspace_id: workspaceId,
    key_id: keyId,
  });
  if (!row) return false;
  if (row.revoked_at !== null) return true;
  await db.client.insert({
    table: 'api_keys',
    format: 'JSONEachRow',
    values: [{ ...row, revoked_at: toClickHouseTime(Date.now()), version: nextVersion() }],
  });
  return true;
}

/**
 * The active key a secret belongs to, or null: malformed, unknown, revoked. Hashes are compared in
 * constant time so the comparison says nothing about how close a guess was.
 */
export async function findApiKey(db: Database, secret: string): Promise<ApiKey | null> {
  const match = SECRET.exec(secret);
  if (!match) return null;
  const rows = await selectKeys(db, 'key_id = {key_id:String}', { key_id: match[1] });
  const presented = Buffer.from(hashSecret(secret), 'hex');
  for (const row of rows) {
    const stored = Buffer.from(row.key_hash, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) {
      return row.revoked_at === null ? fromRow(row) : null;
    }
  }
  return null;
}
