import { describe, expect, it } from '@jest/globals';
import { can, needsRole } from './roles';

describe('roles', () => {
  it('offers each role what the api accepts from it', () => {
    expect([can('VIEWER', 'seeRows'), can('VIEWER', 'upload'), can('VIEWER', 'manageKeys')]).toEqual([
      false,
      false,
      false,
    ]);
    expect([can('ANALYST', 'seeRows'), can('ANALYST', 'upload'), can('ANALYST', 'manageKeys')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([can('ADMIN', 'seeRows'), can('ADMIN', 'upload'), can('ADMIN', 'manageKeys')]).toEqual([true, true, true]);
  });

  it('explains in one line which role it takes', () => {
    expect(needsRole('upload')).toBe('Loading files needs an analyst or admin key.');
    expect(needsRole('manageKeys')).toBe('Keys are managed with an admin key.');
  });
});
