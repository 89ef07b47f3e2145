import { describe, expect, it } from '@jest/globals';
import { keyNameProblem, sortKeys } from './key-form';

describe('keyNameProblem', () => {
  it('asks for a name of at most 200 characters', () => {
    expect(keyNameProblem('  ')).toMatch(/Give the key a name/);
    expect(keyNameProblem('x'.repeat(201))).toMatch(/At most 200/);
    expect(keyNameProblem(' analyst laptop ')).toBeNull();
  });
});

describe('sortKeys', () => {
  it('puts active keys first, newest first, then revoked ones', () => {
    const key = (id: string, createdAt: string, revokedAt: string | null = null) => ({ id, createdAt, revokedAt });
    const sorted = sortKeys([
      key('old', '2026-01-01T00:00:00Z'),
      key('gone', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'),
      key('new', '2026-02-01T00:00:00Z'),
    ]);
    expect(sorted.map((k) => k.id)).toEqual(['new', 'old', 'gone']);
  });
});
