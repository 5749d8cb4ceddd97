import { toSimplified } from './names.js';
import { cleanCell } from './normalize.js';

/**
 * Professional title (职称) levels. Since the 2016 reform (中办发〔2016〕77号) every series has 初级
 * (split into 员级 and 助理级), 中级 and 高级 (split into 副高级 and 正高级); each series names the levels
 * its own way. The series table is configuration data: pass your own to the functions below.
 */

export const TITLE_LEVEL_CODES = ['entry', 'assistant', 'intermediate', 'deputy_senior', 'senior'] as const;

export type TitleLevelCode = (typeof TITLE_LEVEL_CODES)[number];

export type TitleLevel = { rank: number; code: TitleLevelCode; zh: string; en: string };

export const TITLE_LEVELS: readonly TitleLevel[] = [
  { rank: 1, code: 'entry', zh: '员级', en: 'Entry level' },
  { rank: 2, code: 'assistant', zh: '助理级', en: 'Assistant level' },
  { rank: 3, code: 'intermediate', zh: '中级', en: 'Intermediate level' },
  { rank: 4, code: 'deputy_senior', zh: '副高级', en: 'Deputy senior level' },
  { rank: 5, code: 'senior', zh: '正高级', en: 'Senior level' },
];

export type TitleSeries = {
  code: string;
  zh: string;
  en: string;
  /** Title name per level; a level the series does not have is absent. */
  names: Partial<Record<TitleLevelCode, string>>;
  /** Other names seen in records for a level, e.g. the pre-2019 教授级高级工程师. */
  aliases?: Partial<Record<TitleLevelCode, readonly string[]>>;
};

// Level names per series from the 人社部 guiding opinions on reforming each series' titles (2019–2020, M).
// 经济 and 会计 have no 员级 since their 2019 reforms.
export const TITLE_SERIES: readonly TitleSeries[] = [
  {
    code: 'engineering',
    zh: '工程技术',
    en: 'Engineering',
    names: { entry: '技术员', assistant: '助理工程师', intermediate: '工程师', deputy_senior: '高级工程师', senior: '正高级工程师' },
    aliases: { deputy_senior: ['高工'], senior: ['教授级高级工程师', '教授级高工', '正高工'] },
  },
  {
    code: 'agriculture',
    zh: '农业技术',
    en: 'Agriculture',
    names: { entry: '农业技术员', assistant: '助理农艺师', intermediate: '农艺师', deputy_senior: '高级农艺师', senior: '正高级农艺师' },
    aliases: {
      assistant: ['助理畜牧师', '助理兽医师'],
      intermediate: ['畜牧师', '兽医师'],
      deputy_senior: ['高级畜牧师', '高级兽医师'],
      senior: ['正高级畜牧师', '正高级兽医师', '农业技术推广研究员'],
    },
  },
  {
    code: 'arts_crafts',
    zh: '工艺美术',
    en: 'Arts and crafts',
    names: {
      entry: '工艺美术员',
      assistant: '助理工艺美术师',
      intermediate: '工艺美术师',
      deputy_senior: '高级工艺美术师',
      senior: '正高级工艺美术师',
    },
  },
  {
    code: 'laboratory',
    zh: '实验技术',
    en: 'Laboratory technology',
    names: { entry: '实验员', assistant: '助理实验师', intermediate: '实验师', deputy_senior: '高级实验师', senior: '正高级实验师' },
  },
  {
    code: 'economics',
    zh: '经济',
    en: 'Economics',
    names: { assistant: '助理经济师', intermediate: '经济师', deputy_senior: '高级经济师', senior: '正高级经济师' },
  },
  {
    code: 'accounting',
    zh: '会计',
    en: 'Accounting',
    names: { assistant: '助理会计师', intermediate: '会计师', deputy_senior: '高级会计师', senior: '正高级会计师' },
  },
];

const BY_CODE = new Map(TITLE_LEVELS.map((level) => [level.code, level]));

export function titleLevel(code: TitleLevelCode): TitleLevel {
  return BY_CODE.get(code)!;
}

/** Negative when a ranks below b, 0 when equal, positive when above. */
export function compareTitleLevels(a: TitleLevelCode, b: TitleLevelCode): number {
  return titleLevel(a).rank - titleLevel(b).rank;
}

export function highestTitle(codes: Iterable<TitleLevelCode>): TitleLevelCode | undefined {
  let highest: TitleLevelCode | undefined;
  for (const code of codes) if (highest === undefined || compareTitleLevels(code, highest) > 0) highest = code;
  return highest;
}

/** The series-specific name of a level: ('deputy_senior', 'engineering') → 高级工程师. */
export function titleName(level: TitleLevelCode, seriesCode: string, series: readonly TitleSeries[] = TITLE_SERIES): string | undefined {
  return series.find((s) => s.code === seriesCode)?.names[level];
}

// Bare level words. '高级' alone is read as 副高级: the series names for 副高级 all start 高级…, and 正高级
// is always written out. '初级' alone is ambiguous (员级 or 助理级) and is not accepted.
const LEVEL_WORDS: Record<string, TitleLevelCode> = {
  员级: 'entry',
  助理级: 'assistant',
  中级: 'intermediate',
  副高级: 'deputy_senior',
  副高: 'deputy_senior',
  高级: 'deputy_senior',
  正高级: 'senior',
  正高: 'senior',
};
const LEVEL_SUFFIX = /(?:专业技术)?(?:职称|职务|资格)$/;
const SPECIALTY_IN_BRACKETS = /[(（【[][^)）】\]]*[)）】\]]/g;

function seriesNames(series: readonly TitleSeries[]): [string, TitleLevelCode][] {
  const names: [string, TitleLevelCode][] = [];
  for (const s of series) {
    for (const level of TITLE_LEVEL_CODES) {
      const name = s.names[level];
      if (name) names.push([name, level]);
      for (const alias of s.aliases?.[level] ?? []) names.push([alias, level]);
    }
  }
  // Longest first, so 正高级工程师 wins over 高级工程师 and 高级工程师 over 工程师.
  return names.sort((a, b) => b[0].length - a[0].length);
}

const DEFAULT_SERIES_NAMES = seriesNames(TITLE_SERIES);

/**
 * A title cell → its level. Accepts level names ('副高级', '中级职称'), codes ('deputy_senior'), and
 * series names with or without a specialty ('高级工程师', '电气工程师', '工程师（机械）', '教授级高工').
 */
export function parseTitleLevel(text: string, series: readonly TitleSeries[] = TITLE_SERIES): TitleLevelCode | undefined {
  const cleaned = cleanCell(text);
  const code = TITLE_LEVEL_CODES.find((c) => c === cleaned.toLowerCase().replace(/[\s-]+/g, '_'));
  if (code) return code;

  const s = toSimplified(cleaned).replace(SPECIALTY_IN_BRACKETS, '').replace(/\s+/g, '');
  const level = LEVEL_WORDS[s.replace(LEVEL_SUFFIX, '')];
  if (level) return level;
  const names = series === TITLE_SERIES ? DEFAULT_SERIES_NAMES : seriesNames(series);
  return names.find(([name]) => s.endsWith(name))?.[1];
}
