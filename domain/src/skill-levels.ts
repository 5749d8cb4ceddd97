import { toSimplified } from './names.js';
import { cleanCell } from './normalize.js';

/**
 * The eight-level skill system (新八级工, 人社部 2022; Hubei: 鄂人社发〔2024〕10号). Ranks 2–6 are the five
 * national certificate grades, numbered the other way round (一级 is the highest certificate); 学徒工 is
 * enterprise-internal, 特级技师 and 首席技师 are posts enterprises appoint above 高级技师.
 */

export const SKILL_LEVEL_CODES = [
  'apprentice',
  'junior',
  'intermediate',
  'senior',
  'technician',
  'senior_technician',
  'principal_technician',
  'chief_technician',
] as const;

export type SkillLevelCode = (typeof SKILL_LEVEL_CODES)[number];

export type CertificateGrade = 1 | 2 | 3 | 4 | 5;

export type SkillLevel = {
  rank: number;
  code: SkillLevelCode;
  zh: string;
  en: string;
  /** National vocational skill certificate grade (五级 … 一级); null where there is none. */
  certificateGrade: CertificateGrade | null;
  certificateGradeZh: string | null;
};

export const SKILL_LEVELS: readonly SkillLevel[] = [
  { rank: 1, code: 'apprentice', zh: '学徒工', en: 'Apprentice', certificateGrade: null, certificateGradeZh: null },
  { rank: 2, code: 'junior', zh: '初级工', en: 'Junior worker', certificateGrade: 5, certificateGradeZh: '五级' },
  { rank: 3, code: 'intermediate', zh: '中级工', en: 'Intermediate worker', certificateGrade: 4, certificateGradeZh: '四级' },
  { rank: 4, code: 'senior', zh: '高级工', en: 'Senior worker', certificateGrade: 3, certificateGradeZh: '三级' },
  { rank: 5, code: 'technician', zh: '技师', en: 'Technician', certificateGrade: 2, certificateGradeZh: '二级' },
  { rank: 6, code: 'senior_technician', zh: '高级技师', en: 'Senior technician', certificateGrade: 1, certificateGradeZh: '一级' },
  { rank: 7, code: 'principal_technician', zh: '特级技师', en: 'Principal technician', certificateGrade: null, certificateGradeZh: null },
  { rank: 8, code: 'chief_technician', zh: '首席技师', en: 'Chief technician', certificateGrade: null, certificateGradeZh: null },
];

const BY_CODE = new Map(SKILL_LEVELS.map((level) => [level.code, level]));
const BY_GRADE = new Map(SKILL_LEVELS.filter((l) => l.certificateGrade !== null).map((l) => [l.certificateGrade, l.code]));

// 高技能人才 = 高级工 and above (DOMAIN.md, H).
const HIGH_SKILLED_MIN_RANK = 4;

export function skillLevel(code: SkillLevelCode): SkillLevel {
  return BY_CODE.get(code)!;
}

export function isHighSkilled(code: SkillLevelCode): boolean {
  return skillLevel(code).rank >= HIGH_SKILLED_MIN_RANK;
}

/** Negative when a ranks below b, 0 when equal, positive when above: usable with Array.prototype.sort. */
export function compareSkillLevels(a: SkillLevelCode, b: SkillLevelCode): number {
  return skillLevel(a).rank - skillLevel(b).rank;
}

export function highestSkillLevel(codes: Iterable<SkillLevelCode>): SkillLevelCode | undefined {
  let highest: SkillLevelCode | undefined;
  for (const code of codes) if (highest === undefined || compareSkillLevels(code, highest) > 0) highest = code;
  return highest;
}

// Longest first: 高级技师 before 技师. The 工 names must not match inside 高级工程师 (a title).
const NAME_PATTERNS: readonly [RegExp, SkillLevelCode][] = [
  [/首席技师/, 'chief_technician'],
  [/特级技师/, 'principal_technician'],
  [/高级技师/, 'senior_technician'],
  [/技师(?!班)/, 'technician'],
  [/高级工(?!程)/, 'senior'],
  [/中级工(?!程)/, 'intermediate'],
  [/初级工(?!程)/, 'junior'],
  [/学徒/, 'apprentice'],
];
const GRADE_DIGITS: Record<string, CertificateGrade> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
// '三级工' is a step of the old eight-grade wage scale (八级工资制), not a certificate grade.
const GRADE_PATTERN = /(?<![\d一二三四五六七八九十])([一二三四五1-5])\s*级(?!工)/;
// A column that holds only 初级/中级/高级 is the worker grade, not a title level.
const BARE_LEVELS: Record<string, SkillLevelCode> = { 初级: 'junior', 中级: 'intermediate', 高级: 'senior' };
const ENGLISH_NAMES = new Map<string, SkillLevelCode>([
  ...SKILL_LEVELS.map((l) => [l.code, l.code] as const),
  ...SKILL_LEVELS.map((l) => [l.en.toLowerCase().replace(/\s+/g, '_'), l.code] as const),
]);

/**
 * A skill-level cell → its code. Accepts level names (simplified or traditional), certificate grades
 * ('三级', '3级', '国家职业资格三级', '职业技能等级三级'), both together ('三级/高级工', '高级工（三级）'),
 * codes and English names ('senior', 'Senior worker'). Undefined when unrecognised or when the name and
 * the grade in one cell disagree ('三级/技师').
 */
export function parseSkillLevel(text: string): SkillLevelCode | undefined {
  const cleaned = cleanCell(text);
  const english = ENGLISH_NAMES.get(cleaned.toLowerCase().replace(/[\s-]+/g, '_'));
  if (english) return english;

  const s = toSimplified(cleaned).replace(/\s+/g, '');
  if (s === '') return undefined;
  const bare = BARE_LEVELS[s];
  if (bare) return bare;

  const byName = NAME_PATTERNS.find(([pattern]) => pattern.test(s))?.[1];
  const gradeMatch = GRADE_PATTERN.exec(s);
  const byGrade = gradeMatch ? BY_GRADE.get(GRADE_DIGITS[gradeMatch[1]!]!) : undefined;
  if (byName && byGrade && byName !== byGrade) return undefined;
  return byName ?? byGrade;
}
