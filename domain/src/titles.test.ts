import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTitleLevels,
  highestTitle,
  parseTitleLevel,
  TITLE_LEVEL_CODES,
  TITLE_LEVELS,
  TITLE_SERIES,
  type TitleLevelCode,
  type TitleSeries,
  titleName,
} from './titles.js';

describe('TITLE_LEVELS', () => {
  it('ranks 员级 to 正高级 from 1 to 5', () => {
    expect(TITLE_LEVELS.map((l) => [l.rank, l.code, l.zh])).toEqual([
      [1, 'entry', '员级'],
      [2, 'assistant', '助理级'],
      [3, 'intermediate', '中级'],
      [4, 'deputy_senior', '副高级'],
      [5, 'senior', '正高级'],
    ]);
  });

  it('gives every series a distinct name per level and a 中级, 副高级 and 正高级', () => {
    for (const series of TITLE_SERIES) {
      const names = Object.values(series.names);
      expect(new Set(names).size).toBe(names.length);
      expect(series.names.intermediate && series.names.deputy_senior && series.names.senior).toBeTruthy();
    }
  });
});

describe('titleName', () => {
  it.each<[TitleLevelCode, string, string | undefined]>([
    ['entry', 'engineering', '技术员'],
    ['assistant', 'engineering', '助理工程师'],
    ['intermediate', 'engineering', '工程师'],
    ['deputy_senior', 'engineering', '高级工程师'],
    ['senior', 'engineering', '正高级工程师'],
    ['assistant', 'agriculture', '助理农艺师'],
    ['deputy_senior', 'arts_crafts', '高级工艺美术师'],
    ['intermediate', 'laboratory', '实验师'],
    ['entry', 'accounting', undefined],
    ['senior', 'economics', '正高级经济师'],
    ['senior', 'no_such_series', undefined],
  ])('names %s in %s as %s', (level, series, name) => {
    expect(titleName(level, series)).toBe(name);
  });
});

describe('comparing titles', () => {
  it('picks the highest title, or nothing from an empty list', () => {
    expect(highestTitle(['intermediate', 'deputy_senior', 'assistant'])).toBe('deputy_senior');
    expect(highestTitle([])).toBeUndefined();
    expect(compareTitleLevels('senior', 'deputy_senior')).toBeGreaterThan(0);
  });

  it('picks a highest title that is in the list and not below any other', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TITLE_LEVEL_CODES), { minLength: 1 }), (codes) => {
        const highest = highestTitle(codes)!;
        expect(codes).toContain(highest);
        for (const c of codes) expect(compareTitleLevels(highest, c)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('parseTitleLevel', () => {
  it.each<[string, TitleLevelCode]>([
    ['员级', 'entry'],
    ['助理级', 'assistant'],
    ['中级', 'intermediate'],
    ['中级职称', 'intermediate'],
    ['副高级', 'deputy_senior'],
    ['副高', 'deputy_senior'],
    ['副高级职称', 'deputy_senior'],
    ['高级', 'deputy_senior'],
    ['正高级', 'senior'],
    ['正高', 'senior'],
    ['deputy_senior', 'deputy_senior'],
    ['技术员', 'entry'],
    ['助理工程师', 'assistant'],
    ['工程师', 'intermediate'],
    ['高级工程师', 'deputy_senior'],
    ['正高级工程师', 'senior'],
    ['教授级高级工程师', 'senior'],
    ['教授级高工', 'senior'],
    ['高工', 'deputy_senior'],
    ['高級工程師', 'deputy_senior'],
    ['电气工程师', 'intermediate'],
    ['机械高级工程师', 'deputy_senior'],
    ['工程师（机械）', 'intermediate'],
    ['高级工程师(电气自动化)', 'deputy_senior'],
    [' 助理 工程师 ', 'assistant'],
    ['农业技术员', 'entry'],
    ['助理农艺师', 'assistant'],
    ['高级畜牧师', 'deputy_senior'],
    ['正高级农艺师', 'senior'],
    ['工艺美术师', 'intermediate'],
    ['高级实验师', 'deputy_senior'],
    ['经济师', 'intermediate'],
    ['高级会计师', 'deputy_senior'],
    ['助理会计师', 'assistant'],
  ])('reads %j as %s', (text, level) => {
    expect(parseTitleLevel(text)).toBe(level);
  });

  it.each(['', '初级', '高级工', '技师', '中级工', '教授', '会计'])('gives no level for %j', (text) => {
    expect(parseTitleLevel(text)).toBeUndefined();
  });

  it('reads back every series name as its level', () => {
    for (const series of TITLE_SERIES) {
      for (const [level, name] of Object.entries(series.names)) expect(parseTitleLevel(name)).toBe(level);
    }
  });

  it('reads names from a series table the caller supplies', () => {
    const statistics: TitleSeries = {
      code: 'statistics',
      zh: '统计',
      en: 'Statistics',
      names: { assistant: '助理统计师', intermediate: '统计师', deputy_senior: '高级统计师', senior: '正高级统计师' },
    };
    expect(parseTitleLevel('高级统计师')).toBeUndefined();
    expect(parseTitleLevel('高级统计师', [...TITLE_SERIES, statistics])).toBe('deputy_senior');
    expect(parseTitleLevel('统计师', [statistics])).toBe('intermediate');
  });
});
