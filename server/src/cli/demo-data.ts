import type { NetworkRole, Role } from '@changai/contracts';
import { idNumberCheckDigit } from '@changai/domain';
import * as networkService from '../modules/network/network.service.js';
import * as orgService from '../modules/org/org.service.js';
import * as usersService from '../modules/users/users.service.js';
import * as workersService from '../modules/workers/workers.service.js';
import type { Ctx } from '../platform/context.js';

export const DEMO_PASSWORD = 'Changai@2026';

/** Provincial departments of the reform network: [code, name, roles, liaison person, position, phone]. */
const UNITS: [string, string, NetworkRole[], string, string, string][] = [
  ['HB-ZGH', '湖北省总工会', ['office', 'member'], '周建华', '产改办主任', '027-87654301'],
  ['HB-ZZB', '中共湖北省委组织部', ['member'], '陈立新', '人才工作处副处长', '027-87231102'],
  ['HB-XCB', '中共湖北省委宣传部', ['member'], '王晓燕', '宣传教育处干部', '027-87231215'],
  ['HB-FGW', '湖北省发展和改革委员会', ['member'], '刘国庆', '社会发展处处长', '027-87891036'],
  ['HB-JYT', '湖北省教育厅', ['member'], '张敏', '职业教育与成人教育处干部', '027-87328120'],
  ['HB-KJT', '湖北省科学技术厅', ['member'], '李志强', '人才与科普处副处长', '027-87123356'],
  ['HB-JXT', '湖北省经济和信息化厅', ['member'], '杨帆', '人事处干部', '027-87833127'],
  ['HB-CZT', '湖北省财政厅', ['member'], '赵丽华', '社会保障处干部', '027-87676533'],
  ['HB-RST', '湖北省人力资源和社会保障厅', ['member'], '黄卫东', '职业能力建设处处长', '027-87283356'],
  ['HB-GZW', '湖北省人民政府国有资产监督管理委员会', ['member'], '吴海涛', '群工处处长', '027-87137268'],
  ['HB-TSW', '共青团湖北省委员会', ['member'], '孙静', '青年发展部干部', '027-87815623'],
  ['HB-KX', '湖北省科学技术协会', ['member'], '郑雪梅', '组织人事部干部', '027-87863208'],
  ['HB-TZB', '中共湖北省委统一战线工作部', ['liaison'], '马骏', '经济处干部', '027-87231356'],
  ['HB-ZFW', '中共湖北省委政法委员会', ['liaison'], '冯磊', '研究室干部', '027-87231489'],
  ['HB-MZT', '湖北省民政厅', ['liaison'], '何秀英', '社会组织管理局干部', '027-87226021'],
  ['HB-SFT', '湖北省司法厅', ['liaison'], '罗斌', '公共法律服务管理处干部', '027-87135520'],
  ['HB-ZRZY', '湖北省自然资源厅', ['liaison'], '高建国', '人事教育处干部', '027-86657031'],
  ['HB-STHJ', '湖北省生态环境厅', ['liaison'], '林芳', '人事处干部', '027-87167125'],
  ['HB-ZJT', '湖北省住房和城乡建设厅', ['liaison'], '郭强', '建筑市场监管处干部', '027-68873321'],
  ['HB-JTT', '湖北省交通运输厅', ['liaison'], '谢明', '人事教育处干部', '027-83460512'],
  ['HB-SLT', '湖北省水利厅', ['liaison'], '宋丽', '人事处干部', '027-87221834'],
  ['HB-NYNC', '湖北省农业农村厅', ['liaison'], '唐勇', '科技教育处干部', '027-87665213'],
  ['HB-SWT', '湖北省商务厅', ['liaison'], '韩冰', '人事处干部', '027-85776320'],
  ['HB-WLT', '湖北省文化和旅游厅', ['liaison'], '曹雨', '人事处干部', '027-87896521'],
  ['HB-WJW', '湖北省卫生健康委员会', ['liaison'], '邓华', '人事处干部', '027-87835016'],
  ['HB-TYJR', '湖北省退役军人事务厅', ['liaison'], '彭刚', '就业创业处干部', '027-87362210'],
  ['HB-YJT', '湖北省应急管理厅', ['liaison'], '曾涛', '宣传教育处干部', '027-87368512'],
  ['HB-SCJG', '湖北省市场监督管理局', ['liaison'], '潘婷', '人事处干部', '027-87426733'],
  ['HB-TJJ', '湖北省统计局', ['liaison'], '袁志', '社会科技统计处干部', '027-87231690'],
  ['HB-YBJ', '湖北省医疗保障局', ['liaison'], '蒋琳', '待遇保障处干部', '027-87311256'],
  ['HB-FL', '湖北省妇女联合会', ['liaison'], '蔡红', '发展部干部', '027-87654120'],
  ['HB-GSL', '湖北省工商业联合会', ['liaison'], '贾亮', '会员部干部', '027-87323526'],
  ['HB-SWJ', '国家税务总局湖北省税务局', ['liaison'], '夏雨', '收入规划核算处干部', '027-87366212'],
  ['HB-GAT', '湖北省公安厅', ['liaison'], '钟鸣', '政治部干部', '027-87122001'],
  ['HB-SJT', '湖北省审计厅', ['liaison'], '田野', '人事处干部', '027-87238632'],
  ['HB-NYJ', '湖北省能源局', ['liaison'], '范伟', '电力处干部', '027-87238012'],
  ['HB-JRJ', '湖北省地方金融管理局', ['liaison'], '石磊', '综合处干部', '027-87239210'],
  ['HB-KJXY', '湖北省科技信息研究院', ['liaison'], '龙娟', '办公室干部', '027-87862135'],
];

/**
 * A unit whose liaison role ended: the network's history in the demo. It ended before October 2020,
 * so the network then is the seed's (12 member units, 25 liaison units as of 2020-10-31).
 */
const ENDED: Record<string, string> = { 'HB-KJXY': '2020-09-30' };

/** Demo enterprises under their county: [code, name, county code]. */
const ENTERPRISES: [string, string, string][] = [
  ['E-WUGANG', '宝武集团武汉钢铁有限公司', '420107'],
  ['E-DONGFENG', '东风汽车集团有限公司', '420114'],
  ['E-YMTC', '长江存储科技有限责任公司', '420111'],
  ['E-HZSK', '武汉华中数控股份有限公司', '420111'],
  ['E-XINGFA', '湖北兴发化工集团股份有限公司', '420526'],
  ['E-XYZC', '襄阳汽车轴承股份有限公司', '420607'],
];

const ACCOUNTS: [string, string, Role, string][] = [
  ['admin', '省产改办管理员', 'province_admin', 'HB-ZGH'],
  ['renshe', '省人社厅联络员', 'unit_admin', 'HB-RST'],
  ['wuhan', '武汉市总工会', 'regional_manager', '420100'],
  ['wugang_hr', '武钢人力资源部', 'enterprise_hr', 'E-WUGANG'],
  ['reviewer', '职称评审专家', 'reviewer', 'HB-RST'],
  ['worker', '董永祥', 'worker', 'E-WUGANG'],
];

export const DEMO_ACCOUNTS = ACCOUNTS.map(([username, , role]) => ({ username, role, password: DEMO_PASSWORD }));

/** Creates the demo network, enterprises and one account per role, through the services (audited). */
export async function loadDemoData(ctx: Ctx, effectiveFrom = '2018-06-01'): Promise<void> {
  const root = await orgService.findRoot(ctx.db);
  if (!root) throw new Error('Reference data is missing');
  const codes = new Map<string, string>();
  const all = await orgService.list(ctx, { limit: 500, kind: 'county', includeInactive: true });
  for (const o of all) codes.set(o.code, o.id);
  for (const o of await orgService.list(ctx, { limit: 500, kind: 'prefecture', includeInactive: true })) codes.set(o.code, o.id);

  for (const [code, name, roles, person, position, phone] of UNITS) {
    const kind = code === 'HB-ZGH' ? 'federation' : 'department';
    const org = await orgService.create(ctx, { parentId: root.id, code, name, kind });
    codes.set(code, org.id);
    for (const role of roles) await networkService.assign(ctx, { orgId: org.id, role, effectiveFrom, effectiveTo: ENDED[code] ?? null });
    await networkService.addContact(ctx, org.id, { name: person, position, phone, email: null, isPrimary: true });
  }
  for (const [code, name, county] of ENTERPRISES) {
    const parentId = codes.get(county);
    if (!parentId) throw new Error(`Unknown county ${county}`);
    const org = await orgService.create(ctx, { parentId, code, name, kind: 'enterprise' });
    codes.set(code, org.id);
  }
  const accounts = new Map<string, string>();
  for (const [username, displayName, role, orgCode] of ACCOUNTS) {
    const orgId = codes.get(orgCode);
    if (!orgId) throw new Error(`Unknown org ${orgCode}`);
    accounts.set(username, (await usersService.create(ctx, { username, displayName, role, orgId, password: DEMO_PASSWORD })).id);
  }
  // The demo worker's own record, so 我的档案 shows a real profile: 高级工 in 2014, 技师 in 2021.
  const first17 = '42010719860315003';
  const worker = await workersService.create(ctx, {
    name: '董永祥',
    idNumber: first17 + idNumberCheckDigit(first17),
    phone: '13907161234',
    orgId: codes.get('E-WUGANG') as string,
    occupationCode: '6-31-01-03',
    industryDivision: '31',
    isFrontline: true,
    isUnionMember: true,
    employedFrom: '2005-07-01',
    status: 'employed',
  });
  const grants = [
    {
      kind: 'skill_level',
      levelCode: 'intermediate',
      certificateNumber: 'S000042420107093000815',
      issuer: '湖北省职业技能鉴定指导中心',
      issuedOn: '2009-06-30',
    },
    {
      kind: 'skill_level',
      levelCode: 'senior',
      certificateNumber: 'S000042420107143001207',
      issuer: '湖北省职业技能鉴定指导中心',
      issuedOn: '2014-06-30',
    },
    {
      kind: 'skill_level',
      levelCode: 'technician',
      certificateNumber: 'Y000042420107212000356',
      issuer: '宝武集团武汉钢铁有限公司',
      issuedOn: '2021-06-30',
    },
    { kind: 'honor', name: '湖北五一劳动奖章', issuer: '湖北省总工会', issuedOn: '2022-04-28' },
  ] as const;
  for (const grant of grants) await workersService.grantCredential(ctx, worker.id, { ...grant, occupationCode: '6-31-01-03' });
  await workersService.linkAccount(ctx, worker.id, accounts.get('worker') as string);
}
