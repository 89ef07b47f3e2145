import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { findApiKey, type ApiKey, type Database } from '@resonance/sql';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { InjectDatabase } from '../database/database.module';

/** Bounds the cache against a flood of random keys; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  key: Promise<ApiKey | null>;
  expires: number;
}

/**
 * Resolves a presented secret to its key, through a short in-memory cache so a dashboard page of
 * several queries costs one lookup. Unknown secrets are cached too. The cache is keyed by the
 * secret's hash: secrets themselves are never kept.
 */
@Injectable()
export class ApiKeyService {
  private readonly cache = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(
    @InjectDatabase() private readonly db: Database,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.ttlMs = config.keyCacheSeconds * 1000;
  }

  async authenticate(secret: string): Promise<ApiKey | null> {
    const now = this.clock.now().getTime();
    const id = createHash('sha256').update(secret).digest('hex');
    const cached = this.cache.get(id);
    if (cached && cached.expires > now) return cached.key;
    const key = findApiKey(this.db, secret);
    this.cache.delete(id);
    if (this.ttlMs > 0) {
      this.cache.set(id, { key, expires: now + this.ttlMs });
      // A failed lookup (database down) must not be remembered.
      key.catch(() => this.cache.delete(id));
      if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    }
    return key;
  }
}
