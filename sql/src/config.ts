import * as path from 'node:path';

/** One configuration variable: its name, what it is for, and whether it is a secret (never logged). */
export interface ConfigVariable {
  name: string;
  description: string;
  secret?: boolean;
  default?: string;
}

/** Embedded sessions by default: see RESONANCE_CHDB_SESSIONS and sql/src/session-pool.ts. */
export const DEFAULT_EMBEDDED_SESSIONS = 3;

/** Every environment variable the ClickHouse layer reads; `describeConfig()` prints them for --help and the README. */
export const CLICKHOUSE_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'CLICKHOUSE_URL',
    description:
      'URL of a ClickHouse server (http://host:8123). Unset: embedded ClickHouse (chDB) on RESONANCE_DATA_DIR.',
  },
  { name: 'CLICKHOUSE_USER', description: 'ClickHouse user (server mode).', default: 'default' },
  { name: 'CLICKHOUSE_PASSWORD', description: 'ClickHouse password (server mode).', secret: true },
  { name: 'CLICKHOUSE_DB', description: 'Database holding the Resonance tables.', default: 'resonance' },
  {
    name: 'CLICKHOUSE_CLUSTER',
    description:
      'Cluster name (server mode): migrations run ON CLUSTER with Replicated* engines generated from the same files.',
  },
  {
    name: 'RESONANCE_CHDB_SESSIONS',
    description:
      'Embedded ClickHouse sessions that run read queries side by side (a session runs one statement at a time; writes use the first). 1 to 16.',
    default: String(DEFAULT_EMBEDDED_SESSIONS),
  },
  {
    name: 'RESONANCE_DATA_DIR',
    description: 'Data directory of the embedded ClickHouse (one process at a time may open it).',
    default: './.data',
  },
];

export type ClickHouseConfig =
  | {
      mode: 'embedded';
      dataDir: string;
      database: string;
      /** chDB sessions for reads (sql/src/session-pool.ts); absent, one. */
      sessions?: number;
    }
  | {
      mode: 'server';
      url: string;
      username: string;
      password: string;
      database: string;
      cluster?: string;
    };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Reads and validates the ClickHouse configuration once, at boot. Every problem is reported
 * together, so a user fixes their environment in one go.
 */
export function loadClickHouseConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ClickHouseConfig {
  const problems: string[] = [];
  const database = env.CLICKHOUSE_DB?.trim() || 'resonance';
  if (!IDENTIFIER.test(database)) {
    problems.push(`CLICKHOUSE_DB must be a plain identifier (letters, digits, _), got "${database}"`);
  }
  const url = env.CLICKHOUSE_URL?.trim();
  if (!url) {
    if (env.CLICKHOUSE_CLUSTER) problems.push('CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL (a cluster is a server mode)');
    const sessionsText = env.RESONANCE_CHDB_SESSIONS?.trim() || String(DEFAULT_EMBEDDED_SESSIONS);
    const sessions = Number(sessionsText);
    if (!/^[0-9]+$/.test(sessionsText) || sessions < 1 || sessions > 16) {
      problems.push(`RESONANCE_CHDB_SESSIONS must be a whole number from 1 to 16, got "${sessionsText}"`);
    }
    if (problems.length) throw new ConfigError(problems);
    const dataDir = path.resolve(cwd, env.RESONANCE_DATA_DIR?.trim() || './.data');
    return { mode: 'embedded', dataDir, database, sessions };
  }
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      problems.push(`CLICKHOUSE_URL must be http:// or https://, got "${parsed.protocol}"`);
    }
  } catch {
    problems.push(`CLICKHOUSE_URL is not a URL: "${url}"`);
  }
  const cluster = env.CLICKHOUSE_CLUSTER?.trim() || undefined;
  if (cluster && !IDENTIFIER.test(cluster)) {
    problems.push(`CLICKHOUSE_CLUSTER must be a plain identifier, got "${cluster}"`);
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    mode: 'server',
    url: url,
    username: env.CLICKHOUSE_USER?.trim() || 'default',
    password: env.CLICKHOUSE_PASSWORD ?? '',
    database,
    ...(cluster ? { cluster } : {}),
  };
}

/** A description of the configuration that is safe to print: secrets masked. */
export function describeClickHouseConfig(config: ClickHouseConfig): string {
  return config.mode === 'embedded'
    ? `embedded ClickHouse (chDB) at ${config.dataDir}, database ${config.database}`
    : `ClickHouse server ${config.url} as ${config.username}, database ${config.database}` +
        (config.cluster ? `, cluster ${config.cluster}` : '');
}
