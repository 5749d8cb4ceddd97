import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntry, checkValue, type EntryCheckElement, type FormRule } from './reporting.contract.js';

const el = (code: string, over: Partial<EntryCheckElement> = {}): EntryCheckElement => ({
  code,
  valueType: 'integer',
  minValue: 0,
  maxValue: 1000,
  ...over,
});
const rule: FormRule = { leftCode: 'trained', operator: '>=', rightCode: 'certified', messageZh: '', messageEn: '' };

describe('entry checks', () => {
  it.each([
    [el('a'), 3, undefined],
    [el('a'), 2.5, 'not_integer'],
    [el('a'), -1, 'below_min'],
    [el('a'), 1001, 'above_max'],
    [el('a', { valueType: 'number', maxValue: null }), 1e9 + 0.5, undefined],
    [el('a', { valueType: 'percent', minValue: null, maxValue: null }), 101, 'percent_range'],
    [el('a'), null, undefined],
  ])('checks %o with %s → %s', (element, value, reason) => {
    expect(checkValue(element, value)?.reason).toBe(reason);
  });

  it('holds rules between elements once both sides are entered, and asks for every value when complete', () => {
    const elements = [el('trained'), el('certified')];
    expect(checkEntry(elements, [rule], { trained: 10, certified: 12 }, { complete: false })).toMatchObject([
      { elementCode: 'trained', reason: 'rule', params: { left: 10, right: 12, operator: '>=' } },
    ]);
    expect(checkEntry(elements, [rule], { trained: 10 }, { complete: false })).toEqual([]);
    expect(checkEntry(elements, [rule], { trained: 10 }, { complete: true }).map((v) => v.reason)).toEqual(['missing']);
  });

  it('never reports a rule broken when it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const violations = checkEntry([el('trained'), el('certified')], [rule], { trained: a, certified: b }, { complete: true });
        expect(violations.some((v) => v.reason === 'rule')).toBe(a < b);
      }),
    );
  });
});
