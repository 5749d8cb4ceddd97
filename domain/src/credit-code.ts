import { toHalfWidth } from './normalize.js';

/**
 * Unified Social Credit Code, GB 32100-2015: registration authority (1) + entity category (1)
 * + registering office's GB/T 2260 region (6) + subject identifier, i.e. the GB 11714 organisation code (9)
 * + check character (1), all from a 31-character alphabet without I, O, S, V, Z.
 */

// GB 32100-2015: the code character set and the check-character weights W_i = 3^(i-1) mod 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type RegistrationAuthority = {
  code: string;
  zh: string;
  en: string;
  /** Second character → entity category. */
  categories: Readonly<Record<string, string>>;
};

// GB 32100-2015 Annex A, with the later amendments adding A (military) and N (agriculture) (M).
export const REGISTRATION_AUTHORITIES: readonly RegistrationAuthority[] = [
  {
    code: '1',
    zh: '机构编制',
    en: 'institutional establishment',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  { code: '2', zh: '外交', en: 'foreign affairs', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  {
    code: '3',
    zh: '司法行政',
    en: 'judicial administration',
    categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  { code: '4', zh: '文化', en: 'culture', categories: { '1': '外国在华文化中心', '9': '其他' } },
  { code: '5', zh: '民政', en: 'civil affairs', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  {
    code: '6',
    zh: '旅游',
    en: 'tourism',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  { code: '7', zh: '宗教', en: 'religious affairs', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  { code: '8', zh: '工会', en: 'trade unions', categories: { '1': '基层工会', '9': '其他' } },
  { code: '9', zh: '工商（市场监管）', en: 'market regulation', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  { code: 'A', zh: '中央军委改革和编制办公室', en: 'military establishment', categories: { '1': '军队事业单位', '9': '其他' } },
  {
    code: 'N',
    zh: '农业农村',
    en: 'agriculture and rural affairs',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  { code: 'Y', zh: '其他', en: 'other', categories: { '1': '其他' } },
];

const AUTHORITY_BY_CODE = new Map(REGISTRATION_AUTHORITIES.map((a) => [a.code, a]));
const TRADE_UNION_PREFIX = '81';

export type ParsedCreditCode = {
  ok: true;
  /** 18 characters, upper-case. */
  value: string;
  /** Undefined when the first character is not an authority GB 32100 assigns; the code is still well-formed. */
  registrationAuthority: RegistrationAuthority | undefined;
  entityCategory: string | undefined;
  /** 基层工会: the organisations the trade-union side manages directly. */
  isTradeUnion: boolean;
  /** Region of the registering office (characters 3–8). */
  regionCode: string;
  /** Characters 9–17, the GB 11714 organisation code. */
  organizationCode: string;
};

export type CreditCodeRejection = { ok: false; reason: 'length' | 'format' | 'checksum' };

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || [...first17].some((ch) => !ALPHABET.includes(ch))) {
    throw new RangeError('creditCodeCheckChar expects 17 characters of the GB 32100 alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Parses a credit code as typed (lower case, spaces and full-width characters accepted). */
export function parseCreditCode(raw: string): ParsedCreditCode | CreditCodeRejection {
  const value = toHalfWidth(raw)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  if ([...value].some((ch) => !ALPHABET.includes(ch))) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  const authority = AUTHORITY_BY_CODE.get(value[0]!);
  return {
    ok: true,
    value,
    registrationAuthority: authority,
    entityCategory: authority?.categories[value[1]!],
    isTradeUnion: value.startsWith(TRADE_UNION_PREFIX),
    regionCode: value.slice(2, 8),
    organizationCode: value.slice(8, 17),
  };
}
