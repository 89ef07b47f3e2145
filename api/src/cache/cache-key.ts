/**
 * A canonical text for a cache key: object keys sorted, dates as ISO instants, undefined dropped,
 * so two equal filters written in a different field order share one entry.
 */
export function cacheKey(...parts: unknown[]): string {
  return JSON.stringify(parts.map(canonical));
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}
