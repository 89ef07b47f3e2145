import * as path from 'node:path';
import { ConfigError } from '@resonance/sql';
import { AppConfig } from './app-config';

describe('AppConfig', () => {
  it('has defaults for everything', () => {
    const config = AppConfig.fromEnv({}, '/srv/resonance');
    expect(config).toMatchObject({ port: 3000, demo: true, demoCustomers: 50_000, keyCacheSeconds: 30 });
    expect(config.clickhouse).toEqual({ mode: 'embedded', dataDir: '/srv/resonance/.data', database: 'resonance', sessions: 3 });
    expect(path.basename(config.webDist)).toBe('dist');
  });

  it('reads the environment', () => {
    const config = AppConfig.fromEnv(
      { PORT: '0', RESONANCE_DEMO: 'off', RESONANCE_WEB_DIST: 'www', CLICKHOUSE_URL: 'http://ch:8123' },
      '/srv',
    );
    expect(config).toMatchObject({ port: 0, demo: false, webDist: '/srv/www' });
    expect(config.clickhouse.mode).toBe('server');
  });

  it('takes the embedded sessions from RESONANCE_CHDB_SESSIONS, from 1 to 16', () => {
    expect(AppConfig.fromEnv({ RESONANCE_CHDB_SESSIONS: '1' }).clickhouse).toMatchObject({ sessions: 1 });
    for (const bad of ['0', '17', '2.5', 'two', '-1']) {
      expect(() => AppConfig.fromEnv({ RESONANCE_CHDB_SESSIONS: bad })).toThrow(
        `RESONANCE_CHDB_SESSIONS must be a whole number from 1 to 16, got "${bad}"`,
      );
    }
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      AppConfig.fromEnv({ PORT: '80000', RESONANCE_DEMO: 'maybe', CLICKHOUSE_URL: 'ftp://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(3);
  });
});
