import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NameQuery, nameSearchKeys, normalizeNameQuery, toSimplified } from './names.js';

describe('toSimplified', () => {
  it.each([
    ['陳曉華', '陈晓华'],
    ['張偉', '张伟'],
    ['鍾麗', '钟丽'],
    ['衞東', '卫东'],
    ['歐陽脩', '欧阳修'],
    ['高級工', '高级工'],
    ['董永祥', '董永祥'],
    ['Zhang 3', 'Zhang 3'],
  ])('converts %s to %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('leaves the name character 著 alone', () => {
    expect(toSimplified('王著')).toBe('王著');
  });
});

describe('nameSearchKeys', () => {
  it.each([
    ['董永祥', '董永祥', 'dongyongxiang', 'dyx'],
    ['董永祥', '董永祥', 'dongyongxiang', 'dyx'],
    [' 董 永祥 ', '董永祥', 'dongyongxiang', 'dyx'],
    ['陳曉華', '陈晓华', 'chenxiaohua', 'cxh'],
    ['单雄信', '单雄信', 'shanxiongxin', 'sxx'],
    ['曾国藩', '曾国藩', 'zengguofan', 'zgf'],
    ['解缙', '解缙', 'xiejin', 'xj'],
    ['仇英', '仇英', 'qiuying', 'qy'],
    ['查良镛', '查良镛', 'zhaliangyong', 'zly'],
    ['朴树', '朴树', 'piaoshu', 'ps'],
    ['区海', '区海', 'ouhai', 'oh'],
    ['尉迟恭', '尉迟恭', 'yuchigong', 'ycg'],
    ['欧阳修', '欧阳修', 'ouyangxiu', 'oyx'],
    ['吕布', '吕布', 'lvbu', 'lb'],
    ['阿依古丽·买买提', '阿依古丽·买买提', 'ayigulimaimaiti', 'ayglmmt'],
    ['阿依古丽 • 买买提', '阿依古丽·买买提', 'ayigulimaimaiti', 'ayglmmt'],
    ['John Smith', 'John Smith', 'johnsmith', 'js'],
  ])('gives %j the keys %s / %s / %s', (name, simplified, pinyin, initials) => {
    expect(nameSearchKeys(name)).toEqual({ simplified, pinyin, initials });
  });

  it('gives the same keys to a name in traditional and simplified characters', () => {
    expect(nameSearchKeys('劉德華')).toEqual(nameSearchKeys('刘德华'));
  });

  it('gives every Chinese name one initial per character and lower-case letters only', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'王李张刘陈杨黄赵吴周董永祥伟芳娜敏静丽强磊军洋勇艳杰'), { minLength: 2, maxLength: 4 }),
        (chars) => {
          const keys = nameSearchKeys(chars.join(''));
          expect(keys.initials).toHaveLength(chars.length);
          expect(keys.pinyin).toMatch(/^[a-z]+$/);
          expect(keys.pinyin.startsWith(keys.initials[0]!)).toBe(true);
        },
      ),
    );
  });

  it('finds a name from its own initials and pinyin as queries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'王李张刘陈杨黄赵吴周董永祥伟芳娜敏静丽强磊军洋勇艳杰'), { minLength: 2, maxLength: 3 }),
        (chars) => {
          const keys = nameSearchKeys(chars.join(''));
          expect(normalizeNameQuery(keys.initials)).toEqual({ kind: 'initials', value: keys.initials });
          expect(normalizeNameQuery(keys.pinyin)).toEqual({ kind: 'pinyin', value: keys.pinyin });
          expect(normalizeNameQuery(keys.simplified)).toEqual({ kind: 'hanzi', value: keys.simplified });
        },
      ),
    );
  });
});

describe('normalizeNameQuery', () => {
  it.each<[string, NameQuery]>([
    ['dyx', { kind: 'initials', value: 'dyx' }],
    ['DYX', { kind: 'initials', value: 'dyx' }],
    ['ｄｙｘ', { kind: 'initials', value: 'dyx' }],
    ['zsf', { kind: 'initials', value: 'zsf' }],
    ['dongyx', { kind: 'initials', value: 'dongyx' }],
    ['dongyongxiang', { kind: 'pinyin', value: 'dongyongxiang' }],
    ['Dong Yongxiang', { kind: 'pinyin', value: 'dongyongxiang' }],
    ["xi'an", { kind: 'pinyin', value: 'xian' }],
    ['wang', { kind: 'pinyin', value: 'wang' }],
    ['lü', { kind: 'pinyin', value: 'lv' }],
    ['董永祥', { kind: 'hanzi', value: '董永祥' }],
    ['董永祥', { kind: 'hanzi', value: '董永祥' }],
    ['董 永祥', { kind: 'hanzi', value: '董永祥' }],
    ['陳曉華', { kind: 'hanzi', value: '陈晓华' }],
    ['董y', { kind: 'hanzi', value: '董y' }],
    ['3号', { kind: 'hanzi', value: '3号' }],
  ])('reads %j as %o', (query, expected) => {
    expect(normalizeNameQuery(query)).toEqual(expected);
  });

  it.each(['', '   ', '\u3000'])('has nothing to search for %j', (query) => {
    expect(normalizeNameQuery(query)).toBeUndefined();
  });

  it('matches 董永祥 by initials, pinyin and either script', () => {
    const keys = nameSearchKeys('董永祥');
    const matches = (query: string): boolean => {
      const q = normalizeNameQuery(query);
      if (!q) return false;
      const key = q.kind === 'initials' ? keys.initials : q.kind === 'pinyin' ? keys.pinyin : keys.simplified;
      return key.startsWith(q.value);
    };
    for (const query of ['dyx', 'dongyongxiang', 'dong', '董永祥', '董永祥', '董']) expect(matches(query)).toBe(true);
    for (const query of ['dyy', 'dongyongxing', '董勇']) expect(matches(query)).toBe(false);
  });
});
