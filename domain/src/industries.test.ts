import { describe, expect, it } from 'vitest';
import {
  HUBEI_INDUSTRY_CATEGORIES,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  type IndustryCategory,
  industryCategoryOf,
  industryDivision,
  industrySectionOf,
} from './industries.js';

describe('GB/T 4754-2017', () => {
  it('has 20 sections A to T', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('has 97 divisions numbered 01 to 97, each once', () => {
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('maps every division to a section and gives every section a division', () => {
    const sections = new Set(INDUSTRY_SECTIONS.map((s) => s.code));
    for (const division of INDUSTRY_DIVISIONS) expect(sections.has(division.section)).toBe(true);
    for (const section of sections) expect(INDUSTRY_DIVISIONS.some((d) => d.section === section)).toBe(true);
  });

  it('gives divisions unique names', () => {
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.zh)).size).toBe(97);
  });

  it.each([
    ['A', '01', '05'],
    ['B', '06', '12'],
    ['C', '13', '43'],
    ['D', '44', '46'],
    ['E', '47', '50'],
    ['F', '51', '52'],
    ['G', '53', '60'],
    ['H', '61', '62'],
    ['I', '63', '65'],
    ['J', '66', '69'],
    ['K', '70', '70'],
    ['L', '71', '72'],
    ['M', '73', '75'],
    ['N', '76', '79'],
    ['O', '80', '82'],
    ['P', '83', '83'],
    ['Q', '84', '85'],
    ['R', '86', '90'],
    ['S', '91', '96'],
    ['T', '97', '97'],
  ])('puts divisions of section %s in %s–%s', (section, first, last) => {
    const codes = INDUSTRY_DIVISIONS.filter((d) => d.section === section).map((d) => d.code);
    expect([codes[0], codes.at(-1)]).toEqual([first, last]);
  });

  it.each([
    ['36', '汽车制造业', 'C'],
    ['38', '电气机械和器材制造业', 'C'],
    ['39', '计算机、通信和其他电子设备制造业', 'C'],
    ['60', '邮政业', 'G'],
    ['65', '软件和信息技术服务业', 'I'],
    ['95', '群众团体、社会团体和其他成员组织', 'S'],
  ])('names division %s %s in section %s', (code, zh, section) => {
    expect(industryDivision(code)).toEqual({ code, zh, section });
  });

  it('finds the section of a division or of a longer code within it', () => {
    expect(industrySectionOf('36')?.zh).toBe('制造业');
    expect(industrySectionOf('3612')?.code).toBe('C');
    expect(industrySectionOf('C36')).toBeUndefined();
    expect(industrySectionOf('98')).toBeUndefined();
    expect(industryDivision('00')).toBeUndefined();
  });
});

describe('industry categories', () => {
  it('maps every default category to existing divisions, with unique codes', () => {
    const codes = HUBEI_INDUSTRY_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const category of HUBEI_INDUSTRY_CATEGORIES) {
      expect(category.divisions.length).toBeGreaterThan(0);
      for (const division of category.divisions) expect(industryDivision(division)).toBeDefined();
    }
  });

  it('has pillar, characteristic and emerging categories', () => {
    expect(new Set(HUBEI_INDUSTRY_CATEGORIES.map((c) => c.kind))).toEqual(new Set(['pillar', 'characteristic', 'emerging']));
  });

  it.each([
    ['36', ['automobile', 'new_energy_vehicles']],
    ['39', ['electronic_information', 'optoelectronics', 'integrated_circuits']],
    ['3973', ['electronic_information', 'optoelectronics', 'integrated_circuits']],
    ['27', ['biomedicine']],
    ['13', ['food', 'agricultural_processing']],
    ['83', []],
  ])('places division %s in %j', (division, categories) => {
    expect(industryCategoryOf(division).map((c) => c.code)).toEqual(categories);
  });

  it('uses a category list the administrator supplies', () => {
    const own: IndustryCategory[] = [{ code: 'logistics', zh: '现代物流', kind: 'emerging', divisions: ['58', '59', '60'] }];
    expect(industryCategoryOf('60', own).map((c) => c.code)).toEqual(['logistics']);
    expect(industryCategoryOf('36', own)).toEqual([]);
  });
});
