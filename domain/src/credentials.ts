import { cleanCell } from './normalize.js';
import { type CertificateGrade, SKILL_LEVELS, type SkillLevelCode } from './skill-levels.js';

/** What a worker's record can hold, as data shared by the database, the API and the forms. */

export const CREDENTIAL_KINDS = [
  { code: 'skill_level', zh: '职业技能等级', en: 'Skill level' },
  { code: 'title', zh: '职称', en: 'Professional title' },
  { code: 'academic', zh: '学历', en: 'Education' },
  { code: 'one_plus_x', zh: '1+X 职业技能等级证书', en: '1+X certificate' },
  { code: 'honor', zh: '荣誉', en: 'Honour' },
] as const;

export type CredentialKind = (typeof CREDENTIAL_KINDS)[number]['code'];

export const CREDENTIAL_SOURCES = [
  { code: 'import', zh: '批量导入', en: 'Imported' },
  { code: 'manual', zh: '手工录入', en: 'Entered by hand' },
  { code: 'conversion', zh: '贯通转换', en: 'Converted between channels' },
  { code: 'competition', zh: '竞赛晋升', en: 'Competition promotion' },
  { code: 'training', zh: '培训评价', en: 'Training and assessment' },
] as const;

export type CredentialSource = (typeof CREDENTIAL_SOURCES)[number]['code'];

export const CREDENTIAL_STATUSES = [
  { code: 'valid', zh: '有效', en: 'Valid' },
  { code: 'revoked', zh: '已撤销', en: 'Revoked' },
] as const;

export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number]['code'];

export const EQUIVALENCE_PURPOSES = [
  { code: 'title_review', zh: '职称评审', en: 'Professional title review' },
  { code: 'qualification_exam', zh: '职业资格考试', en: 'Qualification examinations' },
  { code: 'public_institution_hiring', zh: '事业单位公开招聘', en: 'Public-institution hiring' },
  { code: 'conscription', zh: '征兵入伍', en: 'Conscription' },
] as const;

export type EquivalencePurpose = (typeof EQUIVALENCE_PURPOSES)[number]['code'];

export type DiplomaCode =
  | 'junior_secondary'
  | 'senior_secondary'
  | 'secondary_vocational'
  | 'junior_college'
  | 'bachelor'
  | 'master'
  | 'doctorate';

export type TechnicalSchoolClassCode = 'intermediate_worker_class' | 'senior_worker_class' | 'preparatory_technician_class';

export type AcademicLevelCode = DiplomaCode | TechnicalSchoolClassCode;

export type AcademicLevel =
  | { code: DiplomaCode; kind: 'diploma'; rank: number; zh: string; en: string }
  | {
      code: TechnicalSchoolClassCode;
      /** A technical-school (技工院校) graduation, never presented as a degree or diploma. */
      kind: 'technical_school_class';
      zh: string;
      en: string;
      equivalentTo: DiplomaCode;
      purposes: readonly EquivalencePurpose[];
    };

const ALL_PURPOSES = EQUIVALENCE_PURPOSES.map((p) => p.code);

// Technical-school classes count as 中专/大专/本科 only for the named purposes (DOMAIN.md, H: 中级工班,
// 高级工班, 预备技师(技师)班 graduates are treated as 中专, 大专, 本科 graduates in title review, qualification
// exams, public-institution hiring and conscription). Provinces may narrow the list: it is data.
export const ACADEMIC_LEVELS: readonly AcademicLevel[] = [
  { code: 'junior_secondary', kind: 'diploma', rank: 1, zh: '初中', en: 'Junior secondary' },
  { code: 'senior_secondary', kind: 'diploma', rank: 2, zh: '高中', en: 'Senior secondary' },
  { code: 'secondary_vocational', kind: 'diploma', rank: 2, zh: '中专（中职）', en: 'Secondary vocational' },
  { code: 'junior_college', kind: 'diploma', rank: 3, zh: '大专', en: 'Junior college' },
  { code: 'bachelor', kind: 'diploma', rank: 4, zh: '本科', en: 'Bachelor' },
  { code: 'master', kind: 'diploma', rank: 5, zh: '硕士研究生', en: 'Master' },
  { code: 'doctorate', kind: 'diploma', rank: 6, zh: '博士研究生', en: 'Doctorate' },
  {
    code: 'intermediate_worker_class',
    kind: 'technical_school_class',
    zh: '技工院校中级工班',
    en: 'Technical school, intermediate-worker class',
    equivalentTo: 'secondary_vocational',
    purposes: ALL_PURPOSES,
  },
  {
    code: 'senior_worker_class',
    kind: 'technical_school_class',
    zh: '技工院校高级工班',
    en: 'Technical school, senior-worker class',
    equivalentTo: 'junior_college',
    purposes: ALL_PURPOSES,
  },
  {
    code: 'preparatory_technician_class',
    kind: 'technical_school_class',
    zh: '技工院校预备技师（技师）班',
    en: 'Technical school, preparatory-technician class',
    equivalentTo: 'bachelor',
    purposes: ALL_PURPOSES,
  },
];

/**
 * The diploma level an academic record counts as for a purpose: a diploma is itself; a technical-school
 * class is its equivalent only for the purposes it is granted for, otherwise nothing.
 */
export function academicLevelFor(
  code: AcademicLevelCode,
  purpose: EquivalencePurpose,
  levels: readonly AcademicLevel[] = ACADEMIC_LEVELS,
): DiplomaCode | undefined {
  const level = levels.find((l) => l.code === code);
  if (!level) return undefined;
  if (level.kind === 'diploma') return level.code;
  return level.purposes.includes(purpose) ? level.equivalentTo : undefined;
}

// 1+X certificates (since 2019) have their own three levels, unrelated to the national five grades.
export const ONE_PLUS_X_LEVELS = [
  { code: 'elementary', rank: 1, zh: '初级', en: 'Elementary' },
  { code: 'intermediate', rank: 2, zh: '中级', en: 'Intermediate' },
  { code: 'advanced', rank: 3, zh: '高级', en: 'Advanced' },
] as const;

export type OnePlusXLevelCode = (typeof ONE_PLUS_X_LEVELS)[number]['code'];

export type SkillCertificateNumber =
  | {
      kind: 'skill_level_22';
      value: string;
      /** Y: the employer evaluated (用人单位); S: a social training and evaluation organisation (M). */
      evaluator: 'Y' | 'S';
      agencyCode: string;
      provinceCode: string;
      siteCode: string;
      year: number;
      grade: CertificateGrade;
      skillLevel: SkillLevelCode;
      serial: string;
    }
  | { kind: 'qualification_16'; value: string }
  | { kind: 'other'; value: string };

// Skill-level certificates since ~2020 (M): Y|S + 4-digit agency + 2-digit province + 6-digit site
// + 2-digit year + 1-digit grade + 6-digit serial.
const SKILL_CERTIFICATE_22 = /^([YS])(\d{4})(\d{2})(\d{6})(\d{2})([1-5])(\d{6})$/;
// Vocational qualification certificates before the reform: 16 digits (M); their structure is not decoded.
const QUALIFICATION_16 = /^\d{16}$/;
const CERTIFICATE_CENTURY = 2000;

const LEVEL_BY_GRADE = new Map(SKILL_LEVELS.filter((l) => l.certificateGrade !== null).map((l) => [l.certificateGrade, l.code]));

/** Classifies a skill certificate number; unknown formats are kept as 'other', never rejected. */
export function parseSkillCertificateNumber(raw: string): SkillCertificateNumber {
  const value = cleanCell(raw).replace(/\s+/g, '').toUpperCase();
  const parts = SKILL_CERTIFICATE_22.exec(value);
  if (parts) {
    const grade = Number(parts[6]) as CertificateGrade;
    return {
      kind: 'skill_level_22',
      value,
      evaluator: parts[1] as 'Y' | 'S',
      agencyCode: parts[2]!,
      provinceCode: parts[3]!,
      siteCode: parts[4]!,
      year: CERTIFICATE_CENTURY + Number(parts[5]),
      grade,
      skillLevel: LEVEL_BY_GRADE.get(grade)!,
      serial: parts[7]!,
    };
  }
  if (QUALIFICATION_16.test(value)) return { kind: 'qualification_16', value };
  return { kind: 'other', value };
}
