import { describe, expect, it } from '@jest/globals';
import { fragmentWithoutKey, keyFromFragment } from './api-key';

describe('keyFromFragment', () => {
  it('reads the key `npm start` puts in the fragment', () => {
    expect(keyFromFragment('#key=rk_abc123')).toBe('rk_abc123');
    expect(keyFromFragment('#tab=2&key=rk%2Fx')).toBe('rk/x');
  });

  it('has no key for an empty or keyless fragment', () => {
    expect(keyFromFragment('')).toBeNull();
    expect(keyFromFragment('#key=')).toBeNull();
    expect(keyFromFragment('#section')).toBeNull();
  });
});

describe('fragmentWithoutKey', () => {
  it('removes only the key', () => {
    expect(fragmentWithoutKey('#key=rk_abc')).toBe('');
    expect(fragmentWithoutKey('#tab=2&key=rk_abc')).toBe('#tab=2');
  });
});
