import type { ReformArea } from '@changai/contracts';
import { addDays, reportPeriods } from '@changai/domain';
import type { Ctx } from '../../platform/context.js';
import * as orgService from '../org/org.service.js';
import * as meetingsService from './meetings.service.js';
import * as policiesService from './policies.service.js';
import * as tasksService from './tasks.service.js';

/**
 * The reform's supporting policies as of October 2020: 49 in all, 12 issued in 2020 (the seed's
 * figures). [title, document number, issuing bodies, issued on, area, lead unit code].
 */
const POLICIES: [string, string | null, string, string, ReformArea, string][] = [
  ['湖北省产业工人队伍建设改革实施方案', '鄂发〔2017〕29号', '中共湖北省委 湖北省人民政府', '2017-09-12', 'support', 'HB-ZGH'],
  [
    '湖北省产业工人队伍建设改革工作领导小组工作规则',
    '鄂产改组〔2017〕1号',
    '湖北省产业工人队伍建设改革工作领导小组',
    '2017-10-20',
    'support',
    'HB-ZGH',
  ],
  [
    '湖北省产业工人队伍建设改革重点任务分工方案',
    '鄂产改组〔2017〕2号',
    '湖北省产业工人队伍建设改革工作领导小组',
    '2017-11-06',
    'support',
    'HB-ZGH',
  ],
  ['关于加强新时代产业工人思想政治引领的意见', '鄂宣发〔2017〕18号', '中共湖北省委宣传部 湖北省总工会', '2017-11-28', 'ideology', 'HB-XCB'],
  ['湖北省“技能湖北”行动计划（2017—2020年）', '鄂人社发〔2017〕45号', '湖北省人力资源和社会保障厅', '2017-12-05', 'skills', 'HB-RST'],
  [
    '关于提高技术工人待遇的实施意见',
    '鄂办发〔2017〕61号',
    '中共湖北省委办公厅 湖北省人民政府办公厅',
    '2017-12-18',
    'recognition',
    'HB-RST',
  ],
  [
    '湖北省职工职业技能竞赛管理办法',
    '鄂工发〔2017〕33号',
    '湖北省总工会 湖北省人力资源和社会保障厅',
    '2017-12-22',
    'competitions',
    'HB-ZGH',
  ],
  ['关于推行终身职业技能培训制度的实施意见', '鄂政发〔2018〕19号', '湖北省人民政府', '2018-05-16', 'skills', 'HB-RST'],
  [
    '关于分类推进人才评价机制改革的实施意见',
    '鄂办发〔2018〕22号',
    '中共湖北省委办公厅 湖北省人民政府办公厅',
    '2018-06-04',
    'channels',
    'HB-ZZB',
  ],
  [
    '湖北省工程技术领域高技能人才与工程技术人才职业发展贯通实施办法（试行）',
    '鄂人社发〔2018〕31号',
    '湖北省人力资源和社会保障厅',
    '2018-07-10',
    'channels',
    'HB-RST',
  ],
  ['关于深化产教融合的实施意见', '鄂政办发〔2018〕48号', '湖北省人民政府办公厅', '2018-07-26', 'skills', 'HB-FGW'],
  ['湖北省技能大师工作室建设管理办法', '鄂人社发〔2018〕36号', '湖北省人力资源和社会保障厅 湖北省财政厅', '2018-08-08', 'skills', 'HB-RST'],
  ['湖北省劳模和工匠人才创新工作室创建管理办法', '鄂工发〔2018〕21号', '湖北省总工会', '2018-08-20', 'competitions', 'HB-ZGH'],
  ['“荆楚工匠”选树培养工作方案', '鄂工发〔2018〕24号', '湖北省总工会', '2018-09-03', 'recognition', 'HB-ZGH'],
  ['关于加强企业职工技术创新工作的意见', '鄂工发〔2018〕27号', '湖北省总工会 湖北省科学技术厅', '2018-09-18', 'competitions', 'HB-KJT'],
  [
    '关于在国有企业中建立职工董事、职工监事制度的实施办法',
    '鄂国资发〔2018〕12号',
    '湖北省人民政府国有资产监督管理委员会',
    '2018-10-09',
    'rights',
    'HB-GZW',
  ],
  ['关于加强产业工人队伍建设改革宣传工作的通知', '鄂宣通〔2018〕27号', '中共湖北省委宣传部', '2018-10-22', 'ideology', 'HB-XCB'],
  ['湖北省职工职业技能提升补贴办法', '鄂人社规〔2018〕4号', '湖北省人力资源和社会保障厅 湖北省财政厅', '2018-11-01', 'skills', 'HB-CZT'],
  ['关于做好青年产业工人培养工作的意见', '鄂团发〔2018〕19号', '共青团湖北省委员会', '2018-11-15', 'ideology', 'HB-TSW'],
  ['关于进一步做好困难职工解困脱困工作的实施意见', '鄂工发〔2018〕35号', '湖北省总工会 湖北省民政厅', '2018-11-26', 'rights', 'HB-ZGH'],
  ['关于加强产业工人科学素质提升工作的意见', '鄂科协发〔2018〕41号', '湖北省科学技术协会', '2018-12-10', 'skills', 'HB-KX'],
  [
    '湖北省产业工人队伍建设改革督查督办办法',
    '鄂产改组〔2018〕3号',
    '湖北省产业工人队伍建设改革工作领导小组',
    '2018-12-20',
    'support',
    'HB-ZGH',
  ],
  ['湖北省职业技能提升行动实施方案（2019—2021年）', '鄂政办发〔2019〕28号', '湖北省人民政府办公厅', '2019-06-12', 'skills', 'HB-RST'],
  ['关于实施职业技能等级认定工作的通知', '鄂人社发〔2019〕22号', '湖北省人力资源和社会保障厅', '2019-04-18', 'channels', 'HB-RST'],
  ['湖北省“1+X”证书制度试点工作方案', '鄂教职成〔2019〕9号', '湖北省教育厅', '2019-05-08', 'channels', 'HB-JYT'],
  ['关于深化职业教育改革的实施意见', '鄂政发〔2019〕24号', '湖北省人民政府', '2019-07-15', 'skills', 'HB-JYT'],
  ['湖北省企业新型学徒制实施办法', '鄂人社发〔2019〕30号', '湖北省人力资源和社会保障厅 湖北省财政厅', '2019-07-29', 'skills', 'HB-RST'],
  [
    '关于进一步提高产业工人在劳动模范和五一劳动奖章评选中比例的通知',
    '鄂工发〔2019〕8号',
    '湖北省总工会',
    '2019-03-06',
    'recognition',
    'HB-ZGH',
  ],
  [
    '湖北省重点产业职工技能竞赛三年行动计划',
    '鄂工发〔2019〕14号',
    '湖北省总工会 湖北省经济和信息化厅',
    '2019-04-02',
    'competitions',
    'HB-JXT',
  ],
  [
    '关于建立产业工人职业技能与薪酬挂钩机制的指导意见',
    '鄂人社发〔2019〕35号',
    '湖北省人力资源和社会保障厅',
    '2019-08-20',
    'recognition',
    'HB-RST',
  ],
  [
    '湖北省农民工职业技能提升计划——“春潮行动”实施方案',
    '鄂人社发〔2019〕38号',
    '湖北省人力资源和社会保障厅',
    '2019-09-03',
    'skills',
    'HB-RST',
  ],
  ['关于加强产业工人法律援助工作的意见', '鄂司发〔2019〕16号', '湖北省司法厅 湖北省总工会', '2019-09-17', 'rights', 'HB-SFT'],
  ['湖北省建筑产业工人队伍培育实施方案', '鄂建文〔2019〕42号', '湖北省住房和城乡建设厅', '2019-10-11', 'skills', 'HB-ZJT'],
  ['关于推动交通运输行业产业工人队伍建设改革的实施意见', '鄂交发〔2019〕77号', '湖北省交通运输厅', '2019-10-25', 'support', 'HB-JTT'],
  [
    '关于加强非公有制企业产业工人队伍建设的意见',
    '鄂统发〔2019〕11号',
    '中共湖北省委统一战线工作部 湖北省工商业联合会',
    '2019-11-08',
    'support',
    'HB-TZB',
  ],
  ['湖北省退役军人职业技能培训实施办法', '鄂退役军人发〔2019〕18号', '湖北省退役军人事务厅', '2019-11-20', 'skills', 'HB-TYJR'],
  [
    '关于维护新就业形态劳动者劳动保障权益的意见（试行）',
    '鄂人社发〔2019〕49号',
    '湖北省人力资源和社会保障厅 湖北省总工会',
    '2019-12-05',
    'rights',
    'HB-RST',
  ],
  // 2020: 12 policies, as reported in October 2020.
  ['关于应对新冠肺炎疫情做好稳就业工作的若干措施', '鄂政办发〔2020〕6号', '湖北省人民政府办公厅', '2020-02-25', 'rights', 'HB-RST'],
  [
    '湖北省百日免费线上技能培训行动方案',
    '鄂人社函〔2020〕41号',
    '湖北省人力资源和社会保障厅 湖北省财政厅',
    '2020-03-10',
    'skills',
    'HB-RST',
  ],
  [
    '关于开展以工代训支持企业稳岗的通知',
    '鄂人社发〔2020〕9号',
    '湖北省人力资源和社会保障厅 湖北省财政厅',
    '2020-04-03',
    'skills',
    'HB-CZT',
  ],
  [
    '湖北省职业教育赋能提升行动计划（2020—2022年）',
    '鄂教职成〔2020〕4号',
    '湖北省教育厅 湖北省发展和改革委员会 湖北省人力资源和社会保障厅',
    '2020-04-28',
    'skills',
    'HB-JYT',
  ],
  ['湖北省高危行业领域安全生产责任保险实施办法', '鄂应急发〔2020〕15号', '湖北省应急管理厅 湖北省财政厅', '2020-05-15', 'rights', 'HB-YJT'],
  [
    '关于进一步加强高技能人才与专业技术人才职业发展贯通的实施意见',
    '鄂人社发〔2020〕18号',
    '湖北省人力资源和社会保障厅',
    '2020-06-09',
    'channels',
    'HB-RST',
  ],
  [
    '关于组织开展“建功‘十四五’ 奋进新征程”劳动和技能竞赛的通知',
    '鄂工发〔2020〕12号',
    '湖北省总工会',
    '2020-06-30',
    'competitions',
    'HB-ZGH',
  ],
  [
    '湖北省技工院校毕业生同等享受普通高校毕业生待遇实施办法',
    '鄂人社规〔2020〕3号',
    '湖北省人力资源和社会保障厅 湖北省教育厅',
    '2020-07-14',
    'channels',
    'HB-RST',
  ],
  ['关于做好疫后重振时期困难职工帮扶工作的通知', '鄂工发〔2020〕15号', '湖北省总工会', '2020-07-28', 'rights', 'HB-ZGH'],
  [
    '关于加强新时代产业工人理想信念教育的实施方案',
    '鄂宣发〔2020〕9号',
    '中共湖北省委宣传部 湖北省总工会',
    '2020-08-18',
    'ideology',
    'HB-XCB',
  ],
  [
    '湖北省首席技师和特级技师评聘试点办法',
    '鄂人社发〔2020〕27号',
    '湖北省人力资源和社会保障厅 湖北省人民政府国有资产监督管理委员会',
    '2020-09-08',
    'recognition',
    'HB-GZW',
  ],
  [
    '关于推进产业工人队伍建设改革向基层延伸的通知',
    '鄂产改组〔2020〕2号',
    '湖北省产业工人队伍建设改革工作领导小组',
    '2020-10-12',
    'support',
    'HB-ZGH',
  ],
];

const FULL_TEXT = (title: string, issuers: string) =>
  `${title}\n\n为深入贯彻《新时期产业工人队伍建设改革方案》，全面落实省委、省政府关于产业工人队伍建设改革的部署要求，` +
  `结合我省实际，${issuers}制定本文件。\n\n一、总体要求\n坚持党对产业工人队伍建设的全面领导，坚持以职工为中心，` +
  `着力提升产业工人思想政治素质、技术技能水平和社会地位，建设知识型、技能型、创新型产业工人大军。\n\n` +
  `二、主要任务\n（一）加强思想政治引领。（二）构建技能形成体系，深化产教融合、校企合作。（三）畅通职业发展通道，` +
  `推动技能等级与职称贯通。（四）完善评价激励，提高技术工人待遇。（五）广泛开展劳动和技能竞赛与群众性技术创新。` +
  `（六）维护职工合法权益，解决职工急难愁盼问题。\n\n三、保障措施\n各成员单位、联络员单位按照职责分工抓好落实，` +
  `定期报送工作进展，领导小组办公室加强督查督办。`;

/** Tasks of the reform's key areas: [area, title, lead unit, co-units, hand down to these prefectures]. */
const TASKS_2020: [ReformArea, string, string, string[]][] = [
  ['ideology', '开展“中国梦·劳动美”主题宣传教育', 'HB-XCB', ['HB-ZGH']],
  ['ideology', '选树宣传荆楚工匠和最美职工', 'HB-ZGH', ['HB-XCB']],
  ['skills', '实施百日免费线上技能培训行动', 'HB-RST', ['HB-CZT']],
  ['skills', '推进职业教育赋能提升行动', 'HB-JYT', ['HB-FGW', 'HB-RST']],
  ['skills', '新建国家级和省级高技能人才培训基地', 'HB-RST', ['HB-CZT']],
  ['skills', '建设技能大师工作室', 'HB-RST', []],
  ['channels', '开展高技能人才与专业技术人才职业发展贯通', 'HB-RST', ['HB-ZZB']],
  ['channels', '推行职业技能等级认定', 'HB-RST', []],
  ['recognition', '提高产业工人在五一劳动奖章评选中的比例', 'HB-ZGH', []],
  ['competitions', '组织“建功‘十四五’”劳动和技能竞赛', 'HB-ZGH', ['HB-JXT']],
  ['competitions', '创建劳模和工匠人才创新工作室', 'HB-ZGH', ['HB-KJT']],
  ['rights', '推行高危行业安全生产责任保险', 'HB-YJT', ['HB-CZT']],
  ['rights', '做好疫后困难职工帮扶', 'HB-ZGH', ['HB-MZT']],
  ['support', '推动产业工人队伍建设改革向市县延伸', 'HB-ZGH', []],
];

const TASKS_CURRENT: [ReformArea, string, string, string[], string[]][] = [
  ['ideology', '推进产业工人理想信念教育进企业', 'HB-XCB', ['HB-ZGH'], []],
  ['skills', '实施新时代技能人才培养行动', 'HB-RST', ['HB-JYT', 'HB-CZT'], ['420100', '420500', '420600']],
  ['skills', '推进技工院校和职业院校产教融合', 'HB-JYT', ['HB-FGW'], []],
  ['channels', '扩大技能等级与职称贯通评价范围', 'HB-RST', ['HB-ZZB'], []],
  ['channels', '推动学历证书与职业技能等级证书互通', 'HB-JYT', ['HB-RST'], []],
  ['recognition', '落实特级技师、首席技师待遇', 'HB-GZW', ['HB-RST'], []],
  ['competitions', '围绕重点项目开展劳动和技能竞赛', 'HB-ZGH', ['HB-JXT', 'HB-FGW'], ['420100', '420500']],
  ['competitions', '推进职工群众性技术创新', 'HB-KJT', ['HB-ZGH'], []],
  ['rights', '维护新就业形态劳动者权益', 'HB-RST', ['HB-ZGH', 'HB-SFT'], []],
  ['rights', '完善12351职工服务热线联动机制', 'HB-ZGH', ['HB-SFT'], []],
  ['support', '建立产改工作联络员季度例会制度', 'HB-ZGH', [], []],
];

const TEXTS = [
  '已召开专题部署会，印发实施方案，明确责任分工和时间节点。',
  '按计划推进，本期完成培训和建设任务的阶段目标，相关台账已建立。',
  '会同协同单位开展调研督导，梳理问题清单并逐项整改。',
  '重点任务基本完成，正在总结经验做法并准备验收材料。',
];

const at = (ctx: Ctx, date: string, hour = 10): Ctx => ({ ...ctx, now: () => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) });

/**
 * The reform office's demo: the 49 policies, the 2020 tasks (mostly completed, the year the seed sums
 * up), this year's tasks with their reports (some returned, some missing), meetings whose decisions
 * set tasks. Written through the services, so every row is audited like a user's.
 */
export async function loadReformDemo(ctx: Ctx): Promise<void> {
  const codes = new Map<string, string>();
  const byCode = async (code: string) => {
    const known = codes.get(code);
    if (known) return known;
    const found = (await orgService.list(ctx, { q: code, limit: 20, includeInactive: true })).find((o) => o.code === code);
    if (!found) throw new Error(`Unknown org ${code}`);
    codes.set(code, found.id);
    return found.id;
  };
  for (const [title, docNumber, issuers, issuedOn, category, lead] of POLICIES) {
    await policiesService.create(at(ctx, issuedOn), {
      title,
      docNumber,
      issuers,
      issuedOn,
      category,
      status: 'in_force',
      leadOrgId: await byCode(lead),
      summary: null,
      fullText: FULL_TEXT(title, issuers),
      attachmentIds: [],
    });
  }
  const office = await byCode('HB-ZGH');
  const policyIds = new Map((await policiesService.list(ctx, { limit: 200, offset: 0 })).items.map((p) => [p.title, p.id]));

  const plenary = await meetingsService.create(at(ctx, '2020-01-10'), {
    title: '省产业工人队伍建设改革工作领导小组2020年第一次全体会议',
    kind: 'plenary',
    heldOn: '2020-01-10',
    location: '湖北省总工会',
    hostOrgId: office,
    attendeeOrgIds: await Promise.all(['HB-ZZB', 'HB-XCB', 'HB-FGW', 'HB-JYT', 'HB-RST', 'HB-CZT', 'HB-GZW'].map(byCode)),
    minutes: '会议听取2019年产改工作情况汇报，审议2020年工作要点，明确各成员单位重点任务分工。',
    decisions: TASKS_2020.map(([, title]) => title),
  });

  // 2020: quarterly reports, nearly all on time; most tasks completed by the year's end.
  for (const [i, [area, title, lead, co]] of TASKS_2020.entries()) {
    const startsOn = i % 3 === 0 ? '2020-03-01' : '2020-01-01';
    const actx = at(ctx, startsOn, 9);
    const decisionId = plenary.decisions[i]?.id;
    const input = {
      area,
      title,
      description: `落实2020年产改工作要点：${title}。`,
      orgId: await byCode(lead),
      coUnitIds: await Promise.all(co.map(byCode)),
      policyId: policyIds.get(POLICIES.find((p) => p[4] === area && p[3].startsWith('2020'))?.[0] ?? '') ?? null,
      reportCycle: 'quarterly' as const,
      startsOn,
      dueOn: '2020-12-31',
      milestones: [{ title: '制定年度实施方案', dueOn: addDays(startsOn, 45) }],
    };
    const task = decisionId
      ? await meetingsService.createTask(actx, decisionId, input)
      : await tasksService.create(actx, input, { issuerOrgId: office });
    const completes = i % 5 !== 4;
    for (const [q, period] of reportPeriods('quarterly', startsOn, '2020-12-31').entries()) {
      const isLast = period.dueOn === '2020-12-31';
      const late = i === 6 && q === 1;
      const filedOn = late ? addDays(period.dueOn, 9) : addDays(period.dueOn, -3);
      const percent = isLast && completes ? 100 : Math.min(95, 25 * (q + 1));
      const filed = await tasksService.submitReport(at(ctx, filedOn), task.id, {
        period: period.period,
        text: TEXTS[q % TEXTS.length] as string,
        percent,
        attachmentIds: [],
      });
      const reportId = filed.reports.find((r) => r.period === period.period)?.id as string;
      await tasksService.review(at(ctx, filedOn, 15), reportId, { decision: 'accept' });
    }
  }

  const videoConference = await meetingsService.create(at(ctx, '2020-12-18'), {
    title: '全省产业工人队伍建设改革推进会（视频会议）',
    kind: 'video_conference',
    heldOn: '2020-12-18',
    location: '主会场设在湖北省总工会，各市州设分会场',
    hostOrgId: office,
    attendeeOrgIds: await Promise.all(
      [
        'HB-ZZB',
        'HB-XCB',
        'HB-FGW',
        'HB-JYT',
        'HB-KJT',
        'HB-JXT',
        'HB-CZT',
        'HB-RST',
        'HB-GZW',
        'HB-TSW',
        'HB-KX',
        '420100',
        '420500',
        '420600',
      ].map(byCode),
    ),
    minutes:
      '会议总结2020年全省产改工作：截至10月，全省出台配套政策49个，其中2020年出台12个；全省国家及省级高技能人才培训基地51个、技能大师工作室172个、' +
      '各级职工培训基地149个、劳模（工匠）创新工作室3102个。会议部署下一阶段重点工作。',
    decisions: [
      '加强产业工人思想政治引领',
      '构建与支柱产业、特色产业、新兴产业相匹配的技能形成体系',
      '打通技能等级与职称贯通通道，推动学历证书与职业技能等级证书互通',
      '劳模和五一劳动奖章评选向高技能人才倾斜',
      '围绕重点项目开展劳动和技能竞赛与群众性技术创新',
      '维护职工合法权益，解决职工急难愁盼问题',
    ],
  });
  await meetingsService.create(at(ctx, '2020-06-16'), {
    title: '产改工作联络员季度例会',
    kind: 'coordination',
    heldOn: '2020-06-16',
    location: '湖北省总工会',
    hostOrgId: office,
    attendeeOrgIds: await Promise.all(['HB-RST', 'HB-JYT', 'HB-YJT', 'HB-MZT', 'HB-SFT', 'HB-ZJT', 'HB-JTT'].map(byCode)),
    minutes: '通报上半年任务进展，督办逾期未报单位，协调疫后重振相关政策落地。',
    decisions: ['各联络员单位于每季度末前报送进展', '对逾期未报单位发督办通知'],
  });

  // This year: quarterly reports up to today; some returned for correction, some missing.
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  for (const [i, [area, title, lead, co, handTo]] of TASKS_CURRENT.entries()) {
    const startsOn = `${year}-01-01`;
    const dueOn = i === 10 ? addDays(today, -20) : `${year}-12-31`;
    const actx = at(ctx, startsOn, 9);
    const decisionId = videoConference.decisions[i % videoConference.decisions.length]?.id;
    const input = {
      area,
      title,
      description: `落实全省产改推进会部署：${title}。`,
      orgId: await byCode(lead),
      coUnitIds: await Promise.all(co.map(byCode)),
      policyId: null,
      reportCycle: 'quarterly' as const,
      startsOn,
      dueOn: dueOn < startsOn ? startsOn : dueOn,
      milestones: [
        { title: '印发年度工作方案', dueOn: `${year}-03-31` },
        { title: '开展中期督导', dueOn: `${year}-07-31` },
      ],
    };
    const task =
      i < 6 && decisionId
        ? await meetingsService.createTask(actx, decisionId, input)
        : await tasksService.create(actx, input, { issuerOrgId: office });
    if (handTo.length) {
      const handed = await tasksService.handDown(at(ctx, `${year}-01-15`), task.id, { orgIds: await Promise.all(handTo.map(byCode)) });
      for (const [c, copy] of handed.copies.entries()) await fileReports(ctx, copy.id, `${year}-01-15`, input.dueOn, today, i + c + 1);
    }
    await fileReports(ctx, task.id, startsOn, input.dueOn, today, i);
  }
}

/** Reports for the periods that have ended: on time, late, returned and not yet corrected, or missing. */
async function fileReports(ctx: Ctx, taskId: string, startsOn: string, dueOn: string, today: string, seed: number) {
  const periods = reportPeriods('quarterly', startsOn, dueOn).filter((p) => p.dueOn < today);
  for (const [q, period] of periods.entries()) {
    const isLatest = q === periods.length - 1;
    if (isLatest && seed % 4 === 3) continue; // missing: overdue, and the sweep raises a 督办 notice
    const filedOn = seed % 5 === 2 && q === 0 ? addDays(period.dueOn, 6) : addDays(period.dueOn, -2);
    const filed = await tasksService.submitReport(at(ctx, filedOn), taskId, {
      period: period.period,
      text: TEXTS[(seed + q) % TEXTS.length] as string,
      percent: Math.min(90, 20 + 25 * q),
      attachmentIds: [],
    });
    const reportId = filed.reports.find((r) => r.period === period.period)?.id as string;
    if (isLatest && seed % 4 === 1) {
      await tasksService.review(at(ctx, addDays(filedOn, 1)), reportId, { decision: 'return', reason: '请补充量化指标和佐证材料。' });
    } else if (!(isLatest && seed % 4 === 2)) {
      await tasksService.review(at(ctx, addDays(filedOn, 1)), reportId, { decision: 'accept' });
    }
  }
}
