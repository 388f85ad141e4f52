import { describe, expect, it } from '@jest/globals';
import { departmentOfReferral } from './referral-department.js';

describe('departmentOfReferral', () => {
  it('takes the referral’s own place first', () => expect(departmentOfReferral('150101', '08')).toBe('15'));
  it('falls back to the source’s department when the referral has no place', () => {
    expect(departmentOfReferral(null, '08')).toBe('08');
    expect(departmentOfReferral(undefined, '08')).toBe('08');
  });
  it('is unknown when neither is known', () => expect(departmentOfReferral(null, null)).toBe('unknown'));
});
