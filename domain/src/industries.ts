/**
 * Industrial classification for national economic activities, GB/T 4754-2017: 20 sections (门类) A–T
 * and 97 divisions (大类) 01–97.
 * Store the edition beside any stored code: the classification is revised about every ten years.
 */

export const INDUSTRY_CLASSIFICATION_EDITION = 'GB/T 4754-2017';

export type IndustrySectionCode =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T';

export type IndustrySection = { code: IndustrySectionCode; zh: string; en: string };

export type IndustryDivision = { code: string; zh: string; section: IndustrySectionCode };

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Production and supply of electricity, heat, gas and water' },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and information technology services' },
  { code: 'J', zh: '金融业', en: 'Finance' },
  { code: 'K', zh: '房地产业', en: 'Real estate' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management' },
  { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' },
  { code: 'P', zh: '教育', en: 'Education' },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  { code: 'T', zh: '国际组织', en: 'International organisations' },
];

const DIVISIONS_BY_SECTION: Record<IndustrySectionCode, readonly (readonly [string, string])[]> = {
  A: [
    ['01', '农业'],
    ['02', '林业'],
    ['03', '畜牧业'],
    ['04', '渔业'],
    ['05', '农、林、牧、渔专业及辅助性活动'],
  ],
  B: [
    ['06', '煤炭开采和洗选业'],
    ['07', '石油和天然气开采业'],
    ['08', '黑色金属矿采选业'],
    ['09', '有色金属矿采选业'],
    ['10', '非金属矿采选业'],
    ['11', '开采专业及辅助性活动'],
    ['12', '其他采矿业'],
  ],
  C: [
    ['13', '农副食品加工业'],
    ['14', '食品制造业'],
    ['15', '酒、饮料和精制茶制造业'],
    ['16', '烟草制品业'],
    ['17', '纺织业'],
    ['18', '纺织服装、服饰业'],
    ['19', '皮革、毛皮、羽毛及其制品和制鞋业'],
    ['20', '木材加工和木、竹、藤、棕、草制品业'],
    ['21', '家具制造业'],
    ['22', '造纸和纸制品业'],
    ['23', '印刷和记录媒介复制业'],
    ['24', '文教、工美、体育和娱乐用品制造业'],
    ['25', '石油、煤炭及其他燃料加工业'],
    ['26', '化学原料和化学制品制造业'],
    ['27', '医药制造业'],
    ['28', '化学纤维制造业'],
    ['29', '橡胶和塑料制品业'],
    ['30', '非金属矿物制品业'],
    ['31', '黑色金属冶炼和压延加工业'],
    ['32', '有色金属冶炼和压延加工业'],
    ['33', '金属制品业'],
    ['34', '通用设备制造业'],
    ['35', '专用设备制造业'],
    ['36', '汽车制造业'],
    ['37', '铁路、船舶、航空航天和其他运输设备制造业'],
    ['38', '电气机械和器材制造业'],
    ['39', '计算机、通信和其他电子设备制造业'],
    ['40', '仪器仪表制造业'],
    ['41', '其他制造业'],
    ['42', '废弃资源综合利用业'],
    ['43', '金属制品、机械和设备修理业'],
  ],
  D: [
    ['44', '电力、热力生产和供应业'],
    ['45', '燃气生产和供应业'],
    ['46', '水的生产和供应业'],
  ],
  E: [
    ['47', '房屋建筑业'],
    ['48', '土木工程建筑业'],
    ['49', '建筑安装业'],
    ['50', '建筑装饰、装修和其他建筑业'],
  ],
  F: [
    ['51', '批发业'],
    ['52', '零售业'],
  ],
  G: [
    ['53', '铁路运输业'],
    ['54', '道路运输业'],
    ['55', '水上运输业'],
    ['56', '航空运输业'],
    ['57', '管道运输业'],
    ['58', '多式联运和运输代理业'],
    ['59', '装卸搬运和仓储业'],
    ['60', '邮政业'],
  ],
  H: [
    ['61', '住宿业'],
    ['62', '餐饮业'],
  ],
  I: [
    ['63', '电信、广播电视和卫星传输服务'],
    ['64', '互联网和相关服务'],
    ['65', '软件和信息技术服务业'],
  ],
  J: [
    ['66', '货币金融服务'],
    ['67', '资本市场服务'],
    ['68', '保险业'],
    ['69', '其他金融业'],
  ],
  K: [['70', '房地产业']],
  L: [
    ['71', '租赁业'],
    ['72', '商务服务业'],
  ],
  M: [
    ['73', '研究和试验发展'],
    ['74', '专业技术服务业'],
    ['75', '科技推广和应用服务业'],
  ],
  N: [
    ['76', '水利管理业'],
    ['77', '生态保护和环境治理业'],
    ['78', '公共设施管理业'],
    ['79', '土地管理业'],
  ],
  O: [
    ['80', '居民服务业'],
    ['81', '机动车、电子产品和日用产品修理业'],
    ['82', '其他服务业'],
  ],
  P: [['83', '教育']],
  Q: [
    ['84', '卫生'],
    ['85', '社会工作'],
  ],
  R: [
    ['86', '新闻和出版业'],
    ['87', '广播、电视、电影和录音制作业'],
    ['88', '文化艺术业'],
    ['89', '体育'],
    ['90', '娱乐业'],
  ],
  S: [
    ['91', '中国共产党机关'],
    ['92', '国家机构'],
    ['93', '人民政协、民主党派'],
    ['94', '社会保障'],
    ['95', '群众团体、社会团体和其他成员组织'],
    ['96', '基层群众自治组织及其他组织'],
  ],
  T: [['97', '国际组织']],
};

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = INDUSTRY_SECTIONS.flatMap(({ code: section }) =>
  DIVISIONS_BY_SECTION[section].map(([code, zh]) => ({ code, zh, section })),
);

const DIVISION_BY_CODE = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));
const SECTION_BY_CODE = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));

export function industryDivision(code: string): IndustryDivision | undefined {
  return DIVISION_BY_CODE.get(code);
}

/**
 * The section of a division, group, class or subclass code: the first two digits decide it
 * ('36' → C, '3612' → C).
 */
export function industrySectionOf(code: string): IndustrySection | undefined {
  const division = DIVISION_BY_CODE.get(code.slice(0, 2));
  return division && SECTION_BY_CODE.get(division.section);
}

export type IndustryCategoryKind = 'pillar' | 'characteristic' | 'emerging';

export type IndustryCategory = {
  code: string;
  zh: string;
  kind: IndustryCategoryKind;
  /** GB/T 4754-2017 division codes; a division may feed several categories (39 electronics). */
  divisions: readonly string[];
};

// Configuration data (M): a default reading of Hubei's pillar, characteristic and emerging industries
// (provincial plans name 汽车, 钢铁, 石化, 食品, 电子信息, 装备制造 as pillars and 光电子信息, 生物医药,
// 新能源与智能网联汽车, 航空航天, 集成电路, 数字经济 as emerging), mapped to the closest divisions.
// Categories such as 集成电路 sit below division level (3973), so their division mapping is coarse.
// Administrators replace this list; pass theirs to industryCategoryOf.
export const HUBEI_INDUSTRY_CATEGORIES: readonly IndustryCategory[] = [
  { code: 'automobile', zh: '汽车', kind: 'pillar', divisions: ['36'] },
  { code: 'steel_metallurgy', zh: '钢铁冶金', kind: 'pillar', divisions: ['31', '32'] },
  { code: 'petrochemical', zh: '石化化工', kind: 'pillar', divisions: ['25', '26'] },
  { code: 'food', zh: '食品', kind: 'pillar', divisions: ['13', '14', '15'] },
  { code: 'electronic_information', zh: '电子信息', kind: 'pillar', divisions: ['39'] },
  { code: 'equipment', zh: '装备制造', kind: 'pillar', divisions: ['34', '35', '38'] },
  { code: 'textile_garment', zh: '纺织服装', kind: 'characteristic', divisions: ['17', '18'] },
  { code: 'building_materials', zh: '建材', kind: 'characteristic', divisions: ['30'] },
  { code: 'agricultural_processing', zh: '农产品加工', kind: 'characteristic', divisions: ['13'] },
  { code: 'optoelectronics', zh: '光电子信息', kind: 'emerging', divisions: ['39'] },
  { code: 'biomedicine', zh: '生物医药', kind: 'emerging', divisions: ['27'] },
  { code: 'new_energy_vehicles', zh: '新能源与智能网联汽车', kind: 'emerging', divisions: ['36', '38'] },
  { code: 'aerospace', zh: '航空航天', kind: 'emerging', divisions: ['37'] },
  { code: 'integrated_circuits', zh: '集成电路', kind: 'emerging', divisions: ['39'] },
  { code: 'digital_economy', zh: '数字经济', kind: 'emerging', divisions: ['63', '64', '65'] },
];

/** Every category a division (or a longer code within it) belongs to, in list order. */
export function industryCategoryOf(
  divisionCode: string,
  categories: readonly IndustryCategory[] = HUBEI_INDUSTRY_CATEGORIES,
): IndustryCategory[] {
  const division = divisionCode.slice(0, 2);
  return categories.filter((c) => c.divisions.includes(division));
}
