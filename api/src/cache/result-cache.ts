import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { cacheKey } from './cache-key';
import { DataVersionRepository } from './data-version.repository';
import { currentDataVersionScope } from './data-version-scope';

export interface ResultCacheOptions {
  /** Most results kept; the least recently used go first. 0 turns caching off. */
  maxEntries: number;
  /** Longest a result is served: figures such as pending vs missed move with the clock. */
  ttlMs: number;
}

export const RESULT_CACHE_OPTIONS = Symbol('ResultCacheOptions');
export const DEFAULT_RESULT_CACHE_OPTIONS: ResultCacheOptions = { maxEntries: 1000, ttlMs: 60_000 };

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

export interface ResultCacheStats {
  hits: number;
  misses: number;
  entries: number;
}

/**
 * Results of read queries per workspace, query and arguments, in an in-memory LRU. Every entry is
 * keyed by the workspace's data version (data/version.sql: loads, model runs, settings), read once
 * per burst of concurrent lookups and once per request, so a load or a model run — in this process
 * or another one on the same ClickHouse server — makes the old entries unreachable; they age out
 * of the LRU.
 *
 * Use: `cache.cached(workspaceId, cacheKey('feature/query', filter, args), () => compute())`. The
 * key must hold everything the result depends on besides the workspace and its data.
 */
@Injectable()
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly versionReads = new Map<string, Promise<string>>();
  /** In-process invalidations (invalidate()), on top of the data version. */
  private readonly generations = new Map<string, number>();
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly versions: DataVersionRepository,
    private readonly clock: Clock,
    @Inject(RESULT_CACHE_OPTIONS) private readonly options: ResultCacheOptions,
  ) {}

  async cached<T>(workspaceId: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.options.maxEntries <= 0) return compute();
    const version = await this.dataVersion(workspaceId);
    const id = cacheKey(workspaceId, version, this.generations.get(workspaceId) ?? 0, key);
    const now = this.clock.now().getTime();
    const hit = this.entries.get(id);
    if (hit && hit.expires > now) {
      this.hits += 1;
      // Map order is the LRU order: a hit moves to the back.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value as Promise<T>;
    }
    this.misses += 1;
    this.entries.delete(id);
    const value = compute();
    this.entries.set(id, { value, expires: now + this.options.ttlMs });
    // A failure is the caller's to see once, never to be served again.
    value.catch(() => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** Drops a workspace's results now (for writers in this process that know they changed data). */
  invalidate(workspaceId: string): void {
    this.generations.set(workspaceId, (this.generations.get(workspaceId) ?? 0) + 1);
  }

  stats(): ResultCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }

  /**
   * Concurrent lookups (the queries of one dashboard page) share one version read, and the lookups
   * of one request (data-version-scope.ts) the first one's.
   */
  private dataVersion(workspaceId: string): Promise<string> {
    const scope = currentDataVersionScope();
    const seen = scope?.get(workspaceId);
    if (seen) return seen;
    let read = this.versionReads.get(workspaceId);
    if (!read) {
      read = this.versions.version(workspaceId).finally(() => this.versionReads.delete(workspaceId));
      this.versionReads.set(workspaceId, read);
    }
    if (scope) {
      scope.set(workspaceId, read);
      // A failed read is this lookup's error; the request's next lookup tries again.
      read.catch(() => {
        if (scope.get(workspaceId) === read) scope.delete(workspaceId);
      });
    }
    return read;
  }
}
