import { describe, expect, it } from 'vitest';
import { prefectureOf } from './regions.js';

describe('prefectureOf', () => {
  it('takes a county to its prefecture, and keeps the county-level cities under the province as their own', () => {
    expect(prefectureOf('420106')).toBe('420100');
    expect(prefectureOf('420100')).toBe('420100');
    expect(prefectureOf('420202')).toBe('420200');
    expect(prefectureOf('429004')).toBe('429004');
    expect(prefectureOf('429021')).toBe('429021');
  });
});
