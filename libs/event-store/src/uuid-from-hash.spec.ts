import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { uuidFromHash } from './uuid-from-hash.js';

describe('uuidFromHash', () => {
  it('shapes a digest as a UUID with version 8 and the RFC variant, the same digest giving the same id', () => {
    for (const input of ['a', 'b', 'caso-15', '']) {
      const hex = createHash('sha256').update(input).digest('hex');
      const id = uuidFromHash(hex);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidFromHash(hex)).toBe(id);
      expect(id.replace(/-/g, '').slice(0, 12)).toBe(hex.slice(0, 12));
    }
  });

  it('refuses what is not a long enough hex digest', () => {
    expect(() => uuidFromHash('abc')).toThrow(/32/);
    expect(() => uuidFromHash('Z'.repeat(64))).toThrow(/hex/);
  });
});
