import { cleanCell } from './normalize.js';

/**
 * Occupations, 中华人民共和国职业分类大典 (2022): 8 major groups; an occupation's code is
 * major-middle-minor-occupation, e.g. 6-18-01-01 车工 (a minor group with a single occupation ends in 00).
 */

export const OCCUPATION_CLASSIFICATION_EDITION = '职业分类大典（2022年版）';

export const OCCUPATION_MAJOR_GROUPS = [
  { code: '1', zh: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人' },
  { code: '2', zh: '专业技术人员' },
  { code: '3', zh: '办事人员和有关人员' },
  { code: '4', zh: '社会生产服务和生活服务人员' },
  { code: '5', zh: '农、林、牧、渔业生产及辅助人员' },
  { code: '6', zh: '生产制造及有关人员' },
  { code: '7', zh: '军队人员' },
  { code: '8', zh: '不便分类的其他从业人员' },
] as const;

export type OccupationCodeParts = {
  ok: true;
  /** Canonical form X-XX-XX-XX. */
  value: string;
  majorGroup: string;
  middleGroup: string;
  minorGroup: string;
};

export type OccupationCodeRejection = { ok: false; reason: 'format' | 'major_group' };

const DASHED = /^(\d)-(\d{2})-(\d{2})-(\d{2})$/;
const COMPACT = /^(\d)(\d{2})(\d{2})(\d{2})$/;

/** '6-18-01-01' (or '6180101', full-width, en dashes) → its parts; the major group must be 1–8. */
export function parseOccupationCode(raw: string): OccupationCodeParts | OccupationCodeRejection {
  const s = cleanCell(raw).replace(/\s*[-–—‐－]\s*/g, '-');
  const parts = DASHED.exec(s) ?? COMPACT.exec(s);
  if (!parts) return { ok: false, reason: 'format' };
  const [major, middle, minor, occupation] = [parts[1]!, parts[2]!, parts[3]!, parts[4]!];
  if (!OCCUPATION_MAJOR_GROUPS.some((g) => g.code === major)) return { ok: false, reason: 'major_group' };
  return {
    ok: true,
    value: `${major}-${middle}-${minor}-${occupation}`,
    majorGroup: major,
    middleGroup: `${major}-${middle}`,
    minorGroup: `${major}-${middle}-${minor}`,
  };
}

export type Occupation = {
  code: string;
  zh: string;
  /** GB/T 4754-2017 divisions where the occupation is typically found (for demo data, not a rule). */
  divisions: readonly string[];
  /** H: the code is printed in the occupation's national skill standard or the 2022 edition; M: one
   * secondary source or a firm recollection of the 2015/2022 editions; L: best recollection, verify before relying on it. */
  confidence: 'H' | 'M' | 'L';
  /** Work types (工种) or older names filed under this occupation. */
  aliases?: readonly string[];
};

const MACHINING = ['33', '34', '35', '36', '37', '38', '40', '43'];
const METALWORK = ['31', '33', '34', '35', '36', '37', '38'];
const PROCESS_CHEMICALS = ['25', '26', '27', '28'];
const BUILDING = ['47', '48', '49', '50'];

// A reference list for frontline workers (groups 6, 4, 5), not the full classification.
export const COMMON_OCCUPATIONS: readonly Occupation[] = [
  { code: '5-01-02-01', zh: '农艺工', divisions: ['01'], confidence: 'M' },
  { code: '5-05-05-01', zh: '农机驾驶操作员', divisions: ['01', '05'], confidence: 'M' },
  { code: '6-01-01-03', zh: '制油工', divisions: ['13'], confidence: 'M' },
  { code: '6-04-02-01', zh: '纺纱工', divisions: ['17'], confidence: 'L' },
  { code: '6-05-01-03', zh: '缝纫工', divisions: ['18'], confidence: 'L' },
  { code: '6-11-01-01', zh: '化工原料准备工', divisions: ['26'], confidence: 'M' },
  { code: '6-11-01-02', zh: '化工单元操作工', divisions: ['25', '26'], confidence: 'M' },
  { code: '6-11-01-03', zh: '化工总控工', divisions: PROCESS_CHEMICALS, confidence: 'M' },
  { code: '6-12-03-00', zh: '药物制剂工', divisions: ['27'], confidence: 'M' },
  { code: '6-14-02-00', zh: '塑料制品成型制作工', divisions: ['29'], confidence: 'M' },
  { code: '6-15-01-01', zh: '水泥生产工', divisions: ['30'], confidence: 'M' },
  { code: '6-16-01-05', zh: '井下采矿工', divisions: ['06', '08', '09', '10'], confidence: 'M' },
  { code: '6-17-01-02', zh: '高炉炼铁工', divisions: ['31'], confidence: 'L' },
  { code: '6-17-02-02', zh: '炼钢工', divisions: ['31'], confidence: 'M' },
  { code: '6-17-02-03', zh: '炼钢浇铸工', divisions: ['31'], confidence: 'M' },
  { code: '6-17-09-02', zh: '金属轧制工', divisions: ['31', '32'], confidence: 'L', aliases: ['轧钢工'] },
  { code: '6-18-01-01', zh: '车工', divisions: MACHINING, confidence: 'H', aliases: ['数控车工', '普通车工'] },
  { code: '6-18-01-02', zh: '铣工', divisions: MACHINING, confidence: 'M', aliases: ['数控铣工'] },
  { code: '6-18-01-04', zh: '磨工', divisions: MACHINING, confidence: 'M', aliases: ['数控磨工'] },
  { code: '6-18-01-05', zh: '镗工', divisions: MACHINING, confidence: 'L' },
  { code: '6-18-01-07', zh: '多工序数控机床操作调整工', divisions: MACHINING, confidence: 'M', aliases: ['加工中心操作工'] },
  { code: '6-18-02-01', zh: '铸造工', divisions: METALWORK, confidence: 'M' },
  { code: '6-18-02-02', zh: '锻造工', divisions: METALWORK, confidence: 'M' },
  { code: '6-18-02-03', zh: '金属热处理工', divisions: METALWORK, confidence: 'M' },
  { code: '6-18-02-04', zh: '焊工', divisions: [...METALWORK, '48', '49'], confidence: 'M', aliases: ['电焊工'] },
  { code: '6-18-03-02', zh: '涂装工', divisions: ['33', '34', '36', '37'], confidence: 'L' },
  { code: '6-18-04-01', zh: '模具工', divisions: ['29', '33', '35', '36'], confidence: 'L' },
  { code: '6-20-01-01', zh: '装配钳工', divisions: ['34', '35', '36', '37', '38'], confidence: 'M', aliases: ['钳工'] },
  { code: '6-20-01-02', zh: '工具钳工', divisions: ['33', '34', '35'], confidence: 'M' },
  { code: '6-22-02-01', zh: '汽车装调工', divisions: ['36'], confidence: 'M' },
  { code: '6-24-04-00', zh: '电池制造工', divisions: ['38'], confidence: 'L' },
  { code: '6-25-01-13', zh: '印制电路制作工', divisions: ['39'], confidence: 'M' },
  { code: '6-25-04-01', zh: '电子设备装接工', divisions: ['39', '40'], confidence: 'L' },
  { code: '6-28-01-01', zh: '锅炉运行值班员', divisions: ['44'], confidence: 'M' },
  { code: '6-28-01-03', zh: '汽轮机运行值班员', divisions: ['44'], confidence: 'M' },
  { code: '6-29-01-01', zh: '砌筑工', divisions: ['47', '48'], confidence: 'M' },
  { code: '6-29-01-03', zh: '混凝土工', divisions: ['47', '48'], confidence: 'M' },
  { code: '6-29-01-04', zh: '钢筋工', divisions: ['47', '48'], confidence: 'M' },
  { code: '6-29-01-05', zh: '架子工', divisions: BUILDING, confidence: 'M' },
  { code: '6-29-02-08', zh: '防水工', divisions: ['47', '50'], confidence: 'M' },
  { code: '6-29-03-01', zh: '机械设备安装工', divisions: ['49'], confidence: 'M' },
  { code: '6-29-03-02', zh: '电气设备安装工', divisions: ['49'], confidence: 'M' },
  { code: '6-29-03-04', zh: '管工', divisions: ['49'], confidence: 'M' },
  { code: '6-29-04-01', zh: '装饰装修工', divisions: ['50'], confidence: 'M' },
  { code: '6-30-05-01', zh: '起重装卸机械操作工', divisions: ['31', '47', '55', '59'], confidence: 'M', aliases: ['叉车司机', '起重工'] },
  { code: '6-31-01-02', zh: '机修钳工', divisions: ['26', '31', '34', '35', '36', '44'], confidence: 'L' },
  { code: '6-31-01-03', zh: '电工', divisions: ['26', '31', '36', '38', '44', '47', '49'], confidence: 'M', aliases: ['维修电工'] },
  { code: '6-31-03-01', zh: '化学检验员', divisions: PROCESS_CHEMICALS, confidence: 'L' },
  { code: '4-01-02-03', zh: '商品营业员', divisions: ['52'], confidence: 'M' },
  { code: '4-02-02-01', zh: '道路客运汽车驾驶员', divisions: ['54'], confidence: 'L' },
  { code: '4-02-02-02', zh: '道路货运汽车驾驶员', divisions: ['54'], confidence: 'M' },
  { code: '4-02-05-01', zh: '装卸搬运工', divisions: ['59'], confidence: 'M' },
  { code: '4-02-06-01', zh: '仓储管理员', divisions: ['59'], confidence: 'M' },
  { code: '4-02-06-02', zh: '理货员', divisions: ['51', '52', '59'], confidence: 'M' },
  { code: '4-02-07-08', zh: '快递员', divisions: ['60'], confidence: 'M' },
  { code: '4-02-07-09', zh: '快件处理员', divisions: ['60'], confidence: 'M' },
  { code: '4-02-07-10', zh: '网约配送员', divisions: ['60', '62'], confidence: 'L', aliases: ['外卖骑手'] },
  { code: '4-03-02-01', zh: '中式烹调师', divisions: ['61', '62'], confidence: 'M' },
  { code: '4-03-02-02', zh: '中式面点师', divisions: ['62'], confidence: 'M' },
  { code: '4-10-01-05', zh: '养老护理员', divisions: ['85'], confidence: 'L' },
  { code: '4-10-01-06', zh: '家政服务员', divisions: ['80'], confidence: 'L' },
  { code: '4-12-01-01', zh: '汽车维修工', divisions: ['81'], confidence: 'M' },
];

const BY_CODE = new Map(COMMON_OCCUPATIONS.map((o) => [o.code, o]));

export function occupationByCode(code: string): Occupation | undefined {
  return BY_CODE.get(code);
}

/** The listed occupations typically found in a GB/T 4754 division. */
export function occupationsInDivision(divisionCode: string, occupations: readonly Occupation[] = COMMON_OCCUPATIONS): Occupation[] {
  return occupations.filter((o) => o.divisions.includes(divisionCode));
}
