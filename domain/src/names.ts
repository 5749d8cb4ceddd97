import { Converter } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { cleanCell } from './normalize.js';

/**
 * Search keys for people's names, so that 'dyx', 'dongyongxiang', '董永祥' and the traditional '董永祥'
 * all find 董永祥.
 *
 * 'opencc-js/t2cn' carries only the traditional → simplified dictionaries (≈109 kB minified, ≈52 kB gzip,
 * against 1.2 MB for the full entry) and is plain ESM for Node and the browser alike. The Hong Kong
 * preset converts HK/OpenCC variants as well (衞 → 卫); the Taiwan preset also rewrites 著 → 着, wrong in names.
 *
 * Measured on Node 20 (this machine, 20,000 two- and three-character names): nameSearchKeys takes ≈50 µs a
 * name once warm (≈20,000 names a second: pinyin in surname mode ≈35 µs, the conversion ≈15 µs); the first
 * call pays ≈0.25 s to load the pinyin dictionary and build the converter. Keys are computed on write, so
 * a 100,000-row import spends about 5 s here.
 */

let traditionalToSimplified: ((text: string) => string) | undefined;

/** Traditional (incl. Hong Kong and Taiwan forms) → simplified Chinese; other characters unchanged. */
export function toSimplified(text: string): string {
  const convert = traditionalToSimplified ?? Converter({ from: 'hk', to: 'cn' });
  traditionalToSimplified = convert;
  return convert(text);
}

const HAN = /\p{Script=Han}/u;
// The interpunct between given name and surname in transcribed minority and foreign names: 阿依古丽·买买提.
const NAME_DOTS = /[•・･‧∙⋅．.]/g;

export type NameSearchKeys = {
  /** The name as stored for matching: simplified, half-width, no spaces between Chinese characters. */
  simplified: string;
  /** Toneless pinyin, lower case, ü written v: 'dongyongxiang', 'lvbu'. */
  pinyin: string;
  /** First letter of each syllable or Latin word: 'dyx'. */
  initials: string;
};

function normaliseName(name: string): string {
  return toSimplified(cleanCell(name))
    .replace(NAME_DOTS, '·')
    .replace(/\s*·\s*/g, '·')
    .replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, '');
}

/**
 * Pinyin in surname mode, so polyphonic surnames read as surnames: 单 shan, 曾 zeng, 解 xie, 仇 qiu,
 * 区 ou, 查 zha, 朴 piao, 尉迟 yuchi.
 */
export function nameSearchKeys(name: string): NameSearchKeys {
  const simplified = normaliseName(name);
  const syllables = pinyin(simplified, { mode: 'surname', toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part !== '');
  return {
    simplified,
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
  };
}

export type NameQuery = { kind: 'initials' | 'pinyin' | 'hanzi'; value: string };

// One toneless pinyin syllable (ü as v); loose enough to admit a few combinations Mandarin lacks.
const SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${SYLLABLE})+$`);

/**
 * A search box entry → what to match: Chinese characters (any script form) against `simplified`;
 * Latin letters that split into whole pinyin syllables against `pinyin` ('dongyongxiang', 'wang');
 * other letter strings against `initials` ('dyx'). A query mixing full syllables and initials
 * ('dongyx') counts as initials. Undefined when nothing is left to search.
 */
export function normalizeNameQuery(query: string): NameQuery | undefined {
  const cleaned = cleanCell(query);
  if (cleaned === '') return undefined;
  if (HAN.test(cleaned)) return { kind: 'hanzi', value: normaliseName(cleaned) };
  const letters = cleaned
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[\s'’·.-]/g, '');
  if (!/^[a-z]+$/.test(letters)) return { kind: 'hanzi', value: normaliseName(cleaned) };
  return { kind: PINYIN_WORD.test(letters) ? 'pinyin' : 'initials', value: letters };
}
