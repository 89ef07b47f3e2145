import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { findApiKey } from '@resonance/sql';
import { UsageError } from '../command';
import { withDatabase } from '../database';
import { keysCommand } from './keys';

const saved = { dir: process.env.RESONANCE_DATA_DIR, db: process.env.CLICKHOUSE_DB };
let output: string[] = [];

async function keys(...argv: string[]): Promise<{ code: number; out: string }> {
  output = [];
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') values.json = true;
    else if (arg.startsWith('--')) values[arg.slice(2)] = argv[++i]!;
    else positionals.push(arg);
  }
  const code = await keysCommand.run({ values, positionals });
  return { code, out: output.join('') };
}

beforeAll(() => {
  // The process's one embedded directory, a database of this file's own (as openTestDatabase does).
  process.env.RESONANCE_DATA_DIR = path.join(os.tmpdir(), `resonance-test-${process.pid}`);
  process.env.CLICKHOUSE_DB = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
});

afterAll(() => {
  jest.restoreAllMocks();
  process.env.RESONANCE_DATA_DIR = saved.dir;
  process.env.CLICKHOUSE_DB = saved.db;
  if (saved.dir === undefined) delete process.env.RESONANCE_DATA_DIR;
  if (saved.db === undefined) delete process.env.CLICKHOUSE_DB;
});

describe('resonance keys', () => {
  it('creates a key whose secret works, lists it, and revokes it', async () => {
    const created = await keys('create', '--workspace', 'acme', '--role', 'analyst', '--name', 'ci bot', '--json');
    expect(created.code).toBe(0);
    const { keyId, secret, role } = JSON.parse(created.out) as { keyId: string; secret: string; role: string };
    expect(role).toBe('analyst');
    expect(await withDatabase((db) => findApiKey(db, secret))).toMatchObject({
      keyId,
      workspaceId: 'acme',
      role: 'analyst',
      name: 'ci bot',
    });

    const listed = JSON.parse((await keys('list', '--workspace', 'acme', '--json')).out) as {
      keyId: string;
      revokedAt: string | null;
    }[];
    expect(listed).toEqual([expect.objectContaining({ keyId, revokedAt: null })]);
    // the secret is printed at creation only
    expect((await keys('list', '--workspace', 'acme')).out).not.toContain(secret);

    // another workspace cannot revoke it
    expect((await keys('revoke', '--workspace', 'beta', '--key', keyId)).code).toBe(1);
    expect((await keys('revoke', '--workspace', 'acme', '--key', keyId)).code).toBe(0);
    expect(await withDatabase((db) => findApiKey(db, secret))).toBeNull();
    const after = JSON.parse((await keys('list', '--workspace', 'acme', '--json')).out) as {
      revokedAt: string | null;
    }[];
    expect(after[0]!.revokedAt).not.toBeNull();
  });

  it.each([
    ['no action', []],
    ['an unknown action', ['rotate', '--workspace', 'acme']],
    ['no workspace', ['list']],
    ['an unknown role', ['create', '--workspace', 'acme', '--role', 'owner']],
    ['revoke without a key id', ['revoke', '--workspace', 'acme']],
    ['a blank name', ['create', '--workspace', 'acme', '--name', '  ']],
  ])('%s is a usage error', async (_name, argv) => {
    await expect(keys(...argv)).rejects.toBeInstanceOf(UsageError);
  });
});
