import { createApiKey, openTestDatabase, revokeApiKey, type Database } from '@resonance/sql';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { ApiKeyService } from './api-key.service';

class ManualClock extends Clock {
  constructor(private time: number) {
    super();
  }

  now(): Date {
    return new Date(this.time);
  }

  advance(seconds: number): void {
    this.time += seconds * 1000;
  }
}

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

describe('ApiKeyService', () => {
  it('caches a lookup for the configured time, so a revocation takes effect within it', async () => {
    const clock = new ManualClock(Date.parse('2025-03-01T00:00:00Z'));
    const keys = new ApiKeyService(db, clock, AppConfig.fromEnv({ RESONANCE_KEY_CACHE_SECONDS: '30' }));
    const { keyId, secret } = await createApiKey(db, { workspaceId: 'ws', role: 'viewer', name: 'cached' });
    expect((await keys.authenticate(secret))?.keyId).toBe(keyId);
    await revokeApiKey(db, 'ws', keyId);
    clock.advance(29);
    expect((await keys.authenticate(secret))?.keyId).toBe(keyId);
    clock.advance(2);
    expect(await keys.authenticate(secret)).toBeNull();
  });

  it('with a zero TTL, looks every key up', async () => {
    const keys = new ApiKeyService(db, new ManualClock(0), AppConfig.fromEnv({ RESONANCE_KEY_CACHE_SECONDS: '0' }));
    const { keyId, secret } = await createApiKey(db, { workspaceId: 'ws', role: 'viewer', name: 'uncached' });
    expect((await keys.authenticate(secret))?.keyId).toBe(keyId);
    await revokeApiKey(db, 'ws', keyId);
    expect(await keys.authenticate(secret)).toBeNull();
  });
});
