import { describe, expect, it } from 'vitest';
import { readPastedBlock } from './paste-block';

const elements = [
  { code: 'sessions', nameZh: '培训场次', nameEn: 'Sessions' },
  { code: 'trained', nameZh: '培训人次', nameEn: 'Trained' },
  { code: 'funds', nameZh: '帮扶资金', nameEn: 'Funds' },
];

describe('a block pasted from Excel into the entry grid', () => {
  it('fills a column of values downwards from the row pasted into', () => {
    expect(readPastedBlock('12\n1,300\r\n', elements, 1)).toEqual({ values: { trained: 12, funds: 1300 }, problems: [] });
  });

  it('matches lines that start with an element name or code, in any order', () => {
    expect(readPastedBlock('帮扶资金\t万元\t35.5\nsessions\t8', elements, 0)).toEqual({
      values: { funds: 35.5, sessions: 8 },
      problems: [],
    });
  });

  it('fills a single row of cells downwards, clears blanks and reports cells that are not numbers', () => {
    expect(readPastedBlock('5\t\tabc', elements, 0)).toEqual({ values: { sessions: 5, trained: null }, problems: ['3:1'] });
  });

  it('ignores values beyond the last row', () => {
    expect(readPastedBlock('1\n2\n3', elements, 2)).toEqual({ values: { funds: 1 }, problems: [] });
  });
});
