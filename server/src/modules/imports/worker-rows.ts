import {
  cleanCell,
  crossCheckIdNumber,
  type Gender,
  nameSearchKeys,
  normalizePhone,
  parseCreditCode,
  parseGender,
  parseIdNumber,
  parseSkillLevel,
  parseSpreadsheetDate,
  parseTitleLevel,
  parseYesNo,
  toHalfWidth,
  toSimplified,
} from '@changai/domain';
import type { Cell } from './read-rows.js';

/** A column the worker import understands, with the headers government staff actually use. */
export type FieldDef = { field: WorkerField; required: boolean; zh: string; en: string; aliases: string[] };

export const WORKER_FIELDS = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'phone',
  'employerCreditCode',
  'employerName',
  'employerCode',
  'occupationCode',
  'industryDivision',
  'isFrontline',
  'isUnionMember',
  'employedFrom',
  'skillLevel',
  'certificateNumber',
  'certificateDate',
  'issuer',
  'titleLevel',
  'titleSeries',
  'titleDate',
] as const;
export type WorkerField = (typeof WORKER_FIELDS)[number];

export const WORKER_FIELD_DEFS: FieldDef[] = [
  { field: 'name', required: true, zh: '姓名', en: 'Name', aliases: ['姓名', '职工姓名', '名字', 'name'] },
  {
    field: 'idNumber',
    required: true,
    zh: '身份证号',
    en: 'ID number',
    aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证', 'idnumber', 'id'],
  },
  { field: 'gender', required: false, zh: '性别', en: 'Gender', aliases: ['性别', 'gender', 'sex'] },
  { field: 'birthDate', required: false, zh: '出生日期', en: 'Birth date', aliases: ['出生日期', '出生年月', '生日', 'birthdate'] },
  {
    field: 'phone',
    required: false,
    zh: '手机号码',
    en: 'Phone',
    aliases: ['手机号码', '手机号', '手机', '联系电话', '电话', 'phone', 'mobile'],
  },
  {
    field: 'employerCreditCode',
    required: false,
    zh: '统一社会信用代码',
    en: 'Employer credit code',
    aliases: ['统一社会信用代码', '单位信用代码', '信用代码'],
  },
  {
    field: 'employerName',
    required: false,
    zh: '工作单位',
    en: 'Employer',
    aliases: ['工作单位', '单位名称', '所在单位', '用人单位', '企业名称', 'employer'],
  },
  { field: 'employerCode', required: false, zh: '单位代码', en: 'Employer org code', aliases: ['单位代码', '机构代码', 'orgcode'] },
  {
    field: 'occupationCode',
    required: false,
    zh: '职业代码',
    en: 'Occupation code',
    aliases: ['职业代码', '职业(工种)代码', '职业（工种）代码', '工种代码', 'occupationcode'],
  },
  {
    field: 'industryDivision',
    required: false,
    zh: '行业代码',
    en: 'Industry division',
    aliases: ['行业代码', '行业大类代码', '所属行业代码', 'industry'],
  },
  {
    field: 'isFrontline',
    required: false,
    zh: '是否一线职工',
    en: 'Frontline',
    aliases: ['是否一线职工', '是否一线', '一线职工', 'frontline'],
  },
  { field: 'isUnionMember', required: false, zh: '是否工会会员', en: 'Union member', aliases: ['是否工会会员', '工会会员', 'unionmember'] },
  {
    field: 'employedFrom',
    required: false,
    zh: '入职日期',
    en: 'Employed from',
    aliases: ['入职日期', '入职时间', '参加工作时间', '参加工作日期', 'employedfrom'],
  },
  {
    field: 'skillLevel',
    required: false,
    zh: '职业技能等级',
    en: 'Skill level',
    aliases: ['职业技能等级', '技能等级', '职业资格等级', '等级', 'skilllevel'],
  },
  {
    field: 'certificateNumber',
    required: false,
    zh: '证书编号',
    en: 'Certificate number',
    aliases: ['证书编号', '证书号', '证书号码', 'certificatenumber'],
  },
  {
    field: 'certificateDate',
    required: false,
    zh: '发证日期',
    en: 'Certificate date',
    aliases: ['发证日期', '取证日期', '获证日期', '发证时间', '取证时间', 'certificatedate'],
  },
  { field: 'issuer', required: false, zh: '发证机构', en: 'Issuer', aliases: ['发证机构', '评价机构', '发证单位', '认定机构', 'issuer'] },
  { field: 'titleLevel', required: false, zh: '职称', en: 'Title', aliases: ['职称', '专业技术职务', '职称等级', '专业技术资格', 'title'] },
  { field: 'titleSeries', required: false, zh: '职称系列', en: 'Title series', aliases: ['职称系列', '专业技术系列', 'titleseries'] },
  {
    field: 'titleDate',
    required: false,
    zh: '职称取得日期',
    en: 'Title date',
    aliases: ['职称取得日期', '职称取得时间', '评定时间', '取得职称时间', 'titledate'],
  },
];

export type Mapping = Partial<Record<WorkerField, number>>;

const headerKey = (h: Cell) =>
  toSimplified(toHalfWidth(String(h ?? '')))
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();

/** The header row: the first row with at least two cells naming known fields. */
export function isHeaderRow(cells: Cell[]): boolean {
  return suggestMapping(cells).matched >= 2;
}

/** Matches headers to fields by their aliases ('公民身份号码' → idNumber). */
export function suggestMapping(headers: Cell[]): { mapping: Mapping; matched: number } {
  const mapping: Mapping = {};
  let matched = 0;
  headers.forEach((h, index) => {
    const key = headerKey(h);
    if (!key) return;
    const def = WORKER_FIELD_DEFS.find((d) => d.field && !(d.field in mapping) && d.aliases.some((a) => headerKey(a) === key));
    if (def) {
      mapping[def.field] = index;
      matched++;
    }
  });
  return { mapping, matched };
}

/** Identifies a layout of headers, to remember its mapping per template. */
export function headerSignature(headers: Cell[]): string {
  return headers.map(headerKey).join('|');
}

export type RowError = { column: string; reason: string; value?: string };

export type WorkerRecord = {
  name: string;
  namePinyin: string;
  nameInitials: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  regionCodeFromId: string;
  phone: string | null;
  employer: { creditCode?: string; name?: string; code?: string };
  occupationCode: string | null;
  industryDivision: string | null;
  isFrontline: boolean | null;
  isUnionMember: boolean | null;
  employedFrom: string | null;
  credentials: {
    kind: 'skill_level' | 'title';
    levelCode: string;
    series: string | null;
    certificateNumber: string | null;
    issuer: string | null;
    issuedOn: string;
    occupationCode: string | null;
  }[];
};

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cleanCell(String(cell));
}

/**
 * One spreadsheet row → a worker with up to one skill-level and one title credential, or the list
 * of what is wrong with it (column header and a reason key). Every cell is checked; nothing is guessed.
 */
export function parseWorkerRow(
  cells: Cell[],
  mapping: Mapping,
  headers: Cell[],
  today: string,
): { record?: WorkerRecord; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (field: WorkerField) => {
    const index = mapping[field];
    return index === undefined ? undefined : cells[index];
  };
  const column = (field: WorkerField) => {
    const index = mapping[field];
    const header = index === undefined ? undefined : text(headers[index]);
    return header || (WORKER_FIELD_DEFS.find((d) => d.field === field)?.zh ?? field);
  };
  const fail = (field: WorkerField, reason: string) => {
    errors.push({ column: column(field), reason, value: text(get(field)).slice(0, 100) });
  };
  const date = (field: WorkerField): string | null => {
    const raw = get(field);
    if (raw === null || raw === undefined || text(raw) === '') return null;
    const parsed = parseSpreadsheetDate(raw instanceof Date || typeof raw === 'number' ? raw : text(raw), { today });
    if (!parsed.ok) {
      fail(field, `date_${parsed.reason}`);
      return null;
    }
    return parsed.value;
  };
  const flag = (field: WorkerField): boolean | null => {
    const raw = text(get(field));
    if (!raw) return null;
    const value = parseYesNo(raw);
    if (value === undefined) fail(field, 'yes_no_invalid');
    return value ?? null;
  };

  const name = text(get('name'));
  if (!name) fail('name', 'required');
  else if (name.length > 50) fail('name', 'name_too_long');
  const id = parseIdNumber(text(get('idNumber')), today);
  if (!text(get('idNumber'))) fail('idNumber', 'required');
  else if (!id.ok) fail('idNumber', `id_number_${id.reason}`);

  const genderText = text(get('gender'));
  const gender = genderText ? parseGender(genderText) : undefined;
  if (genderText && !gender) fail('gender', 'gender_invalid');
  const birthDate = date('birthDate');
  if (id.ok) {
    const mismatches = crossCheckIdNumber(id, { ...(gender ? { gender } : {}), ...(birthDate ? { birthDate } : {}) });
    if (mismatches.includes('gender')) fail('gender', 'gender_mismatch_id');
    if (mismatches.includes('birthDate')) fail('birthDate', 'birth_date_mismatch_id');
  }

  const phoneText = text(get('phone'));
  const phone = phoneText ? normalizePhone(phoneText) : undefined;
  if (phoneText && !phone) fail('phone', 'phone_invalid');

  const creditText = text(get('employerCreditCode'));
  let creditCode: string | undefined;
  if (creditText) {
    const parsed = parseCreditCode(creditText);
    if (parsed.ok) creditCode = parsed.value;
    else fail('employerCreditCode', `credit_code_${parsed.reason}`);
  }

  const occupation = toHalfWidth(text(get('occupationCode')));
  if (occupation && !/^\d-\d{2}-\d{2}-\d{2}$/.test(occupation)) fail('occupationCode', 'occupation_code_format');
  const division = toHalfWidth(text(get('industryDivision')));
  if (division && !/^\d{2}$/.test(division)) fail('industryDivision', 'industry_division_format');

  /** A level column and its date column: both needed, each checked. */
  const levelOn = (
    levelField: WorkerField,
    dateField: WorkerField,
    parse: (t: string) => string | undefined,
    kind: 'skill_level' | 'title',
  ) => {
    const levelText = text(get(levelField));
    if (!levelText) return undefined;
    const levelCode = parse(levelText);
    const issuedOn = date(dateField);
    if (!levelCode) fail(levelField, `${kind === 'title' ? 'title' : 'skill'}_level_unknown`);
    if (!issuedOn && !errors.some((e) => e.column === column(dateField)))
      fail(dateField, kind === 'title' ? 'required_with_title' : 'required_with_skill_level');
    return levelCode && issuedOn ? { levelCode, issuedOn } : undefined;
  };
  const credentials: WorkerRecord['credentials'] = [];
  const skill = levelOn('skillLevel', 'certificateDate', parseSkillLevel, 'skill_level');
  if (skill) {
    credentials.push({
      kind: 'skill_level',
      ...skill,
      series: null,
      certificateNumber: toHalfWidth(text(get('certificateNumber'))).toUpperCase() || null,
      issuer: text(get('issuer')) || null,
      occupationCode: occupation || null,
    });
  }
  const title = levelOn('titleLevel', 'titleDate', parseTitleLevel, 'title');
  if (title)
    credentials.push({
      kind: 'title',
      ...title,
      series: text(get('titleSeries')) || null,
      certificateNumber: null,
      issuer: null,
      occupationCode: null,
    });
  if (id.ok) {
    for (const c of credentials)
      if (c.issuedOn < id.birthDate) fail(c.kind === 'title' ? 'titleDate' : 'certificateDate', 'issued_before_birth');
  }
  const employedFrom = date('employedFrom');
  const isFrontline = flag('isFrontline');
  const isUnionMember = flag('isUnionMember');

  if (errors.length > 0 || !id.ok) return { errors };
  const keys = nameSearchKeys(name);
  return {
    errors,
    record: {
      name: keys.simplified,
      namePinyin: keys.pinyin,
      nameInitials: keys.initials,
      idNumber: id.value,
      gender: id.gender,
      birthDate: id.birthDate,
      regionCodeFromId: id.regionCode,
      phone: phone ?? null,
      employer: { creditCode, name: text(get('employerName')) || undefined, code: text(get('employerCode')) || undefined },
      occupationCode: occupation || null,
      industryDivision: division || null,
      isFrontline,
      isUnionMember,
      employedFrom,
      credentials,
    },
  };
}

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => text(c) === '');
}
