import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareSkillLevels,
  highestSkillLevel,
  isHighSkilled,
  parseSkillLevel,
  SKILL_LEVEL_CODES,
  SKILL_LEVELS,
  type SkillLevelCode,
  skillLevel,
} from './skill-levels.js';

describe('SKILL_LEVELS', () => {
  it('ranks the eight levels 1 to 8 in code order', () => {
    expect(SKILL_LEVELS.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(SKILL_LEVELS.map((l) => l.code)).toEqual([...SKILL_LEVEL_CODES]);
    expect(SKILL_LEVELS.map((l) => l.zh)).toEqual(['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师']);
  });

  it('numbers certificate grades opposite to rank and gives none to apprentices and appointed posts', () => {
    expect(SKILL_LEVELS.map((l) => l.certificateGrade)).toEqual([null, 5, 4, 3, 2, 1, null, null]);
    expect(SKILL_LEVELS.map((l) => l.certificateGradeZh)).toEqual([null, '五级', '四级', '三级', '二级', '一级', null, null]);
  });
});

describe('isHighSkilled', () => {
  it.each<[SkillLevelCode, boolean]>([
    ['apprentice', false],
    ['junior', false],
    ['intermediate', false],
    ['senior', true],
    ['technician', true],
    ['senior_technician', true],
    ['principal_technician', true],
    ['chief_technician', true],
  ])('says %s is high-skilled: %s', (code, expected) => {
    expect(isHighSkilled(code)).toBe(expected);
  });
});

describe('comparing levels', () => {
  const code = fc.constantFrom(...SKILL_LEVEL_CODES);

  it('orders levels by rank', () => {
    expect(compareSkillLevels('technician', 'senior')).toBeGreaterThan(0);
    expect(compareSkillLevels('senior', 'technician')).toBeLessThan(0);
    expect(compareSkillLevels('senior', 'senior')).toBe(0);
    const codes: SkillLevelCode[] = ['technician', 'apprentice', 'chief_technician', 'senior'];
    expect(codes.sort(compareSkillLevels)).toEqual(['apprentice', 'senior', 'technician', 'chief_technician']);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(Math.sign(compareSkillLevels(a, b)) + Math.sign(compareSkillLevels(b, a))).toBe(0);
      }),
    );
  });

  it('picks the highest level, or nothing from an empty list', () => {
    expect(highestSkillLevel(['junior', 'technician', 'senior'])).toBe('technician');
    expect(highestSkillLevel([])).toBeUndefined();
  });

  it('picks a highest level that is in the list and not below any other', () => {
    fc.assert(
      fc.property(fc.array(code, { minLength: 1 }), (codes) => {
        const highest = highestSkillLevel(codes)!;
        expect(codes).toContain(highest);
        for (const c of codes) expect(compareSkillLevels(highest, c)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('parseSkillLevel', () => {
  it.each<[string, SkillLevelCode]>([
    ['高级工', 'senior'],
    ['高級工', 'senior'],
    [' 高级工 ', 'senior'],
    ['三级', 'senior'],
    ['3级', 'senior'],
    ['３级', 'senior'],
    ['三级/高级工', 'senior'],
    ['高级工（三级）', 'senior'],
    ['高级工(国家职业资格三级)', 'senior'],
    ['国家职业资格三级', 'senior'],
    ['职业技能等级三级', 'senior'],
    ['senior', 'senior'],
    ['Senior worker', 'senior'],
    ['SENIOR_WORKER', 'senior'],
    ['高级', 'senior'],
    ['学徒工', 'apprentice'],
    ['学徒', 'apprentice'],
    ['初级工', 'junior'],
    ['初级', 'junior'],
    ['五级', 'junior'],
    ['五级/初级工', 'junior'],
    ['中级工', 'intermediate'],
    ['四级', 'intermediate'],
    ['4级', 'intermediate'],
    ['技师', 'technician'],
    ['技師', 'technician'],
    ['二级/技师', 'technician'],
    ['高级技师', 'senior_technician'],
    ['高級技師', 'senior_technician'],
    ['一级', 'senior_technician'],
    ['一级/高级技师', 'senior_technician'],
    ['特级技师', 'principal_technician'],
    ['首席技师', 'chief_technician'],
    ['chief technician', 'chief_technician'],
    ['senior_technician', 'senior_technician'],
    ['Technician', 'technician'],
  ])('reads %j as %s', (text, code) => {
    expect(parseSkillLevel(text)).toBe(code);
  });

  it.each([
    '',
    '   ',
    '高级工程师',
    '中级工程师',
    '三级/技师',
    '一级/高级工',
    '六级',
    '十三级',
    '三级工',
    '预备技师班',
    '工程师',
    'expert',
  ])('gives no level for %j', (text) => {
    expect(parseSkillLevel(text)).toBeUndefined();
  });

  it('reads back every level from its name, its code, its English name and its certificate grade', () => {
    for (const level of SKILL_LEVELS) {
      expect(parseSkillLevel(level.zh)).toBe(level.code);
      expect(parseSkillLevel(level.code)).toBe(level.code);
      expect(parseSkillLevel(level.en)).toBe(level.code);
      if (level.certificateGradeZh) {
        expect(parseSkillLevel(level.certificateGradeZh)).toBe(level.code);
        expect(parseSkillLevel(`${level.certificateGradeZh}/${level.zh}`)).toBe(level.code);
        expect(parseSkillLevel(`${level.certificateGrade}级`)).toBe(level.code);
      }
    }
    expect(skillLevel('senior').zh).toBe('高级工');
  });
});
