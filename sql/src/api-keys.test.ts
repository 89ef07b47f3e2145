import { createApiKey, findApiKey, listApiKeys, revokeApiKey, ApiKeyError } from './api-keys';
import type { Database } from './client';
import { openTestDatabase } from './testing/test-database';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

describe('API keys', () => {
  it('creates a key whose secret names it, and stores only its hash', async () => {
    const { keyId, secret } = await createApiKey(db, { workspaceId: 'ws1', role: 'analyst', name: 'reporting' });
    expect(secret).toMatch(new RegExp(`^rk_${keyId}_[A-Za-z0-9_-]{43}$`));
    const raw = await (
      await db.client.query({ query: 'SELECT * FROM api_keys FINAL', format: 'JSONEachRow' })
    ).json<Record<string, unknown>>();
    expect(JSON.stringify(raw)).not.toContain(secret.slice(20));
    const found = await findApiKey(db, secret);
    expect(found).toMatchObject({ keyId, workspaceId: 'ws1', role: 'analyst', name: 'reporting', revokedAt: null });
  });

  it('finds nothing for a wrong, malformed or foreign secret', async () => {
    const { keyId, secret } = await createApiKey(db, { workspaceId: 'ws1', role: 'viewer', name: 'x' });
    const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
    expect(await findApiKey(db, flipped)).toBeNull();
    expect(await findApiKey(db, `rk_${keyId}_`)).toBeNull();
    expect(await findApiKey(db, '')).toBeNull();
    expect(await findApiKey(db, `rk_${'f'.repeat(16)}_${'A'.repeat(43)}`)).toBeNull();
  });

  it('revokes a key of its own workspace only, at once', async () => {
    const { keyId, secret } = await createApiKey(db, { workspaceId: 'ws2', role: 'admin', name: 'ops' });
    expect(await revokeApiKey(db, 'ws1', keyId)).toBe(false);
    expect(await findApiKey(db, secret)).not.toBeNull();
    expect(await revokeApiKey(db, 'ws2', keyId)).toBe(true);
    expect(await findApiKey(db, secret)).toBeNull();
    expect(await revokeApiKey(db, 'ws2', keyId)).toBe(true);
    const listed = await listApiKeys(db, 'ws2');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it('lists a workspace’s keys without secrets', async () => {
    const listed = await listApiKeys(db, 'ws1');
    expect(listed.map((k) => k.name).sort()).toEqual(['reporting', 'x']);
    expect(listed.every((k) => !('secret' in k) && !('key_hash' in k))).toBe(true);
  });

  it.each([
    [{ workspaceId: ' ', role: 'viewer' as const, name: 'n' }],
    [{ workspaceId: 'ws1', role: 'owner' as never, name: 'n' }],
    [{ workspaceId: 'ws1', role: 'viewer' as const, name: '' }],
  ])('refuses bad input %#', async (input) => {
    await expect(createApiKey(db, input)).rejects.toBeInstanceOf(ApiKeyError);
  });
});
