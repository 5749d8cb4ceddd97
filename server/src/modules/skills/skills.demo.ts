import { COMMON_OCCUPATIONS, HUBEI_INDUSTRY_CATEGORIES } from '@changai/domain';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import { FEMALE_CHARS, MALE_CHARS, SURNAMES } from '../demo/demo.names.js';
import { Random } from '../demo/demo.random.js';
import * as orgService from '../org/org.service.js';

/**
 * Carriers as of October 2020 (the seed's figures): 51 national and provincial high-skill talent
 * training bases, 172 skill master studios, 149 worker training bases at all levels and 3,102 worker
 * innovation studios. Exact at any registry scale: they are few, and hosted by named employers.
 */
export const DEMO_CARRIER_COUNTS = {
  training_base: { national: 11, provincial: 40 },
  master_studio: { national: 38, provincial: 134 },
  worker_training_base: { provincial: 12, city: 37, county: 52, enterprise: 48 },
  innovation_studio: { national: 8, provincial: 412, city: 1034, enterprise: 1648 },
} as const;

/** Real Hubei employers that host carriers: [code, name, county code, GB/T 4754 division]. */
const HOSTS: [string, string, string, string][] = [
  ['E-DFCV', '东风商用车有限公司', '420303', '36'],
  ['E-DHAC', '东风本田汽车有限公司', '420114', '36'],
  ['E-SGMW', '上汽通用汽车有限公司武汉分公司', '420115', '36'],
  ['E-FIBER', '长飞光纤光缆股份有限公司', '420111', '39'],
  ['E-FHTX', '烽火通信科技股份有限公司', '420111', '39'],
  ['E-TIANMA', '武汉天马微电子有限公司', '420111', '39'],
  ['E-CSOT', '武汉华星光电技术有限公司', '420111', '39'],
  ['E-GAODE', '武汉高德红外股份有限公司', '420111', '39'],
  ['E-WCHI', '武昌船舶重工集团有限公司', '420115', '37'],
  ['E-WHZJ', '武汉重型机床集团有限公司', '420106', '34'],
  ['E-YIHUA', '湖北宜化集团有限责任公司', '420502', '26'],
  ['E-ANGEL', '安琪酵母股份有限公司', '420502', '14'],
  ['E-HUAXIN', '华新水泥股份有限公司', '420202', '30'],
  ['E-DAYE', '大冶特殊钢有限公司', '420202', '31'],
  ['E-CAMEL', '骆驼集团股份有限公司', '420606', '38'],
  ['E-JINPAI', '劲牌有限公司', '420202', '15'],
  ['E-JZSH', '中国石化荆门分公司', '420802', '25'],
  ['E-YANGTZE', '中国长江电力股份有限公司', '420502', '44'],
  ['E-CSCEC3', '中建三局集团有限公司', '420106', '47'],
  ['E-MCC1', '中国一冶集团有限公司', '420107', '48'],
  ['E-ZTDQ', '中铁大桥局集团有限公司', '420105', '48'],
  ['E-JZYY', '九州通医药集团股份有限公司', '420104', '27'],
  ['E-HBZY', '湖北中烟工业有限责任公司', '420103', '16'],
  ['E-SANHUAN', '三环集团有限公司', '420106', '36'],
  ['E-HGTX', '湖北三江航天集团有限公司', '420902', '37'],
  ['E-JSQJ', '京山轻机股份有限公司', '420802', '35'],
  ['E-XYFB', '湖北新洋丰肥业股份有限公司', '420802', '26'],
  ['E-JZHX', '荆州恒隆汽车零部件制造有限公司', '421002', '36'],
  ['E-HGGT', '湖北黄冈高新区纺织服装有限公司', '421102', '18'],
  ['E-ESCY', '恩施硒茶产业集团有限公司', '422801', '15'],
];
/** The demo enterprises made by the network seed (they gain registry workers with the demo registry). */
const SEEDED: [string, string][] = [
  ['E-WUGANG', '31'],
  ['E-DONGFENG', '36'],
  ['E-YMTC', '39'],
  ['E-HZSK', '34'],
  ['E-XINGFA', '26'],
  ['E-XYZC', '36'],
];

const KIND_NAMES = {
  training_base: '高技能人才培训基地',
  master_studio: '技能大师工作室',
  worker_training_base: '职工培训基地',
  innovation_studio: { model_worker: '劳模创新工作室', craftsman: '工匠创新工作室', worker: '职工创新工作室' },
} as const;
const ISSUERS = {
  national: '人社部函',
  provincial: '鄂人社函',
  city: '市人社发',
  county: '县人社发',
  enterprise: '企发',
} as const;
const UNION_ISSUERS = { national: '总工发', provincial: '鄂工发', city: '市工发', county: '县工发', enterprise: '企工发' } as const;

type Host = { id: string; name: string; regionCode: string; division: string };

/** The province's industry category of a division (the first that lists it), for the dashboard's breakdown. */
const categoryOf = (division: string) => HUBEI_INDUSTRY_CATEGORIES.find((c) => c.divisions.includes(division))?.kind ?? null;

/** Carriers and training programs with the seed's counts; runs once, on an empty platform's first start. */
export async function loadSkillsDemo(ctx: Ctx): Promise<void> {
  if (await getSetting(ctx.db, 'demo.skills')) return;
  const random = new Random(2020_10);
  const counties = await orgService.list(ctx, { kind: 'county', limit: 500, includeInactive: true });
  const prefectures = await orgService.list(ctx, { kind: 'prefecture', limit: 50, includeInactive: true });
  const parentOf = (code: string) => counties.find((c) => c.code === code) ?? prefectures.find((p) => p.code === code);
  const hosts: Host[] = [];
  for (const [code, name, county, division] of HOSTS) {
    const parent = parentOf(county);
    if (!parent) continue;
    const org = await orgService.create(ctx, { parentId: parent.id, code, name, kind: 'enterprise' });
    await orgService.saveEnterpriseProfile(ctx, org.id, {
      industryDivision: division,
      industryCategory: categoryOf(division),
      ownership: 'state',
      size: 'large',
    });
    hosts.push({ id: org.id, name, regionCode: county, division });
  }
  for (const [code, division] of SEEDED) {
    const org = (await orgService.list(ctx, { q: code, limit: 5 })).find((o) => o.code === code);
    if (!org) continue;
    const profile = await orgService.enterpriseProfile(ctx, org.id);
    if (!profile)
      await orgService.saveEnterpriseProfile(ctx, org.id, {
        industryDivision: division,
        industryCategory: categoryOf(division),
        ownership: 'state',
        size: 'large',
      });
    hosts.push({ id: org.id, name: org.name, regionCode: await orgService.regionCodeOf(ctx, org.id), division });
  }
  if (!hosts.length) return;
  const surnames = SURNAMES.map(([s]) => s);
  const personName = () => {
    const chars = random.chance(0.8) ? MALE_CHARS : FEMALE_CHARS;
    return `${random.pick(surnames)}${random.pick(chars)}${random.chance(0.6) ? random.pick(chars) : ''}`;
  };
  const occupationsOf = (division: string) => {
    const found = COMMON_OCCUPATIONS.filter((o) => o.divisions.includes(division));
    return (found.length ? found : COMMON_OCCUPATIONS).map((o) => o.code);
  };
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const rows: Record<string, unknown>[] = [];
  const names = new Set<string>();
  for (const [kind, levels] of Object.entries(DEMO_CARRIER_COUNTS) as [keyof typeof DEMO_CARRIER_COUNTS, Record<string, number>][]) {
    let serial = 0;
    for (const [level, n] of Object.entries(levels)) {
      for (let i = 0; i < n; i++) {
        serial++;
        // Bigger employers host more: the first hosts are drawn more often.
        const host = hosts[Math.min(hosts.length - 1, Math.floor(random.next() ** 1.6 * hosts.length))] as Host;
        const studioType = kind === 'innovation_studio' ? random.pick(['model_worker', 'craftsman', 'craftsman', 'worker'] as const) : null;
        const leader = kind === 'master_studio' || kind === 'innovation_studio' ? personName() : null;
        const suffix = kind === 'innovation_studio' ? KIND_NAMES.innovation_studio[studioType ?? 'worker'] : KIND_NAMES[kind];
        let name = leader
          ? `${host.name.replace(/(股份|集团)?有限(责任)?公司.*$/, '')}${leader}${suffix}`
          : `${host.name.replace(/(股份|集团)?有限(责任)?公司.*$/, '')}${suffix}`;
        if (names.has(name)) name = `${name.replace(suffix, '')}（${serial}）${suffix}`;
        names.add(name);
        const year = random.int(2012, 2020);
        const recognisedOn = `${year}-${String(random.int(3, year === 2020 ? 9 : 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        const issuers = kind === 'innovation_studio' ? UNION_ISSUERS : ISSUERS;
        // Annual reviews come round through the year ahead; a few are past due.
        const due = new Date(now.getTime() + random.int(-30, 365) * 86_400_000).toISOString().slice(0, 10);
        rows.push({
          kind,
          level,
          studioType,
          name,
          hostOrgId: host.id,
          regionCode: host.regionCode,
          leaderName: leader,
          industryDivisions: [host.division],
          occupationCodes: [random.pick(occupationsOf(host.division))],
          status: 'recognised',
          appliedOn: `${year}-01-15`,
          recognisedOn,
          documentNumber: `${issuers[level as keyof typeof issuers]}〔${year}〕${random.int(1, 80)}号`,
          nextReviewDue: due,
          reviewOverdueSince: due < today ? due : null,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const ids: { id: string; kind: string; hostOrgId: string }[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      ids.push(
        ...(await trx
          .insertInto('carriers')
          .values(rows.slice(i, i + 500) as never)
          .returning(['id', 'kind', 'hostOrgId'])
          .execute()),
      );
    }
    // Yearly outputs of the bases and master studios for 2018–2020.
    const reviews = ids
      .filter((c) => c.kind !== 'innovation_studio')
      .flatMap((c) =>
        [2018, 2019, 2020].map((year) => ({
          carrierId: c.id,
          year,
          peopleTrained: random.int(c.kind === 'master_studio' ? 8 : 120, c.kind === 'master_studio' ? 60 : 2400),
          certificatesGained: random.int(5, 400),
          innovations: random.int(0, 25),
          benefitYuan: random.int(0, 3_000_000),
          result: year === 2020 ? null : random.chance(0.95) ? 'passed' : 'failed',
          filedAt: new Date(`${year + 1}-01-20T02:00:00Z`),
          decidedAt: year === 2020 ? null : new Date(`${year + 1}-03-01T02:00:00Z`),
        })),
      );
    for (let i = 0; i < reviews.length; i += 500)
      await trx
        .insertInto('carrierReviews')
        .values(reviews.slice(i, i + 500))
        .execute();
    // Three host units waiting for a decision, for the workflow.
    const pending = hosts.slice(0, 3).map((h, i) => ({
      kind: 'innovation_studio',
      level: 'provincial',
      studioType: 'craftsman',
      name: `${h.name.replace(/(股份|集团)?有限(责任)?公司.*$/, '')}${personName()}工匠创新工作室（申报${i + 1}）`,
      hostOrgId: h.id,
      regionCode: h.regionCode,
      leaderName: personName(),
      industryDivisions: [h.division],
      occupationCodes: [random.pick(occupationsOf(h.division))],
      status: 'applied',
      appliedOn: today,
      createdAt: now,
      updatedAt: now,
    }));
    await trx.insertInto('carriers').values(pending).execute();
    // Training programs, among them the hundred-day free online skills training of 2020.
    const providers = ids.filter((c) => c.kind === 'training_base' || c.kind === 'worker_training_base');
    const programs = Array.from({ length: 60 }, (_, i) => {
      const carrier = providers[i % providers.length] as (typeof providers)[number];
      const host = hosts.find((h) => h.id === carrier.hostOrgId) as Host;
      const isFree = i < 18;
      const occupation = random.pick(occupationsOf(host.division));
      const start = new Date(Date.UTC(2020, 2, 1) + random.int(0, 2000) * 86_400_000).toISOString().slice(0, 10);
      const end = new Date(Date.parse(start) + random.int(14, 100) * 86_400_000).toISOString().slice(0, 10);
      const occupationName = COMMON_OCCUPATIONS.find((o) => o.code === occupation)?.zh ?? '技能';
      const level = random.pick(['intermediate', 'senior', 'senior', 'technician'] as const);
      const levelName = { intermediate: '中级工', senior: '高级工', technician: '技师' }[level];
      return {
        title: isFree ? `百日免费线上技能培训·${occupationName}` : `${occupationName}（${levelName}）培训班`,
        occupationCode: occupation,
        targetLevel: level,
        providerOrgId: host.id,
        providerCarrierId: carrier.id,
        regionCode: host.regionCode,
        mode: isFree ? 'online' : random.chance(0.3) ? 'online' : 'onsite',
        startsOn: start,
        endsOn: end,
        capacity: isFree ? random.int(500, 5000) : random.int(20, 120),
        funding: isFree ? 'government' : random.pick(['government', 'union', 'enterprise', 'enterprise'] as const),
        isFree,
        createdAt: now,
        updatedAt: now,
      };
    });
    await trx.insertInto('trainingPrograms').values(programs).execute();
    await setSetting(trx, 'demo.skills', { carriers: rows.length, loadedAt: now.toISOString() }, now);
    await audit(trx, ctx, {
      action: 'demo.load_skills',
      entityType: 'carrier',
      after: { carriers: rows.length, reviews: reviews.length, programs: programs.length },
    });
  });
}

/**
 * Enrollments, results and innovation achievements of registry workers at the hosts, once the demo
 * registry has workers there (it loads in the background). Set-based: a few statements.
 */
export async function loadSkillsActivity(ctx: Ctx): Promise<void> {
  if (!(await getSetting(ctx.db, 'demo.skills')) || (await getSetting(ctx.db, 'demo.skills_activity'))) return;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const workers = await trx
      .selectFrom('workers as w')
      .innerJoin('trainingPrograms as p', 'p.providerOrgId', 'w.orgId')
      .select(sql<number>`count(distinct w.id)::int`.as('n'))
      .executeTakeFirst();
    if (!workers?.n) return;
    // Up to 40 workers of each provider enrol in each of its programs that has ended; 70% complete, most pass.
    await sql`
      insert into training_enrollments (program_id, worker_id, region_code, status, attendance_percent, result, score, assessed_on, source, enrolled_at, updated_at)
      select p.id, w.id, w.region_code,
        case when p.ends_on < current_date and abs(hashtext(w.id::text || p.id::text)) % 10 < 7 then 'completed' else 'enrolled' end,
        70 + abs(hashtext(w.id::text)) % 31,
        case when p.ends_on < current_date and abs(hashtext(w.id::text || p.id::text)) % 10 < 7
          and abs(hashtext(p.id::text || w.id::text)) % 10 < 2 then 'failed' end,
        case when p.ends_on < current_date and abs(hashtext(w.id::text || p.id::text)) % 10 < 7 then 50 + abs(hashtext(p.id::text || w.id::text)) % 50 end,
        case when p.ends_on < current_date and abs(hashtext(w.id::text || p.id::text)) % 10 < 7 then p.ends_on + 7 end,
        'demo', ${now}, ${now}
      from training_programs p
      cross join lateral (
        select w.id, w.region_code from workers w where w.org_id = p.provider_org_id and w.status = 'employed'
        order by w.name_pinyin, w.id limit 40
      ) w
      on conflict do nothing`.execute(trx);
    // Achievements of teams at the hosts with registry workers, spread over 2018–2020.
    await sql`
      with hosts as (
        select o.id as org_id, o.name, e.industry_division, min(c.region_code) as region_code,
          (array_agg(c.id order by c.id) filter (where c.kind = 'innovation_studio'))[1] as studio_id
        from orgs o join enterprises e on e.org_id = o.id join carriers c on c.host_org_id = o.id
        where exists (select 1 from workers w where w.org_id = o.id)
        group by o.id, o.name, e.industry_division
      ), made as (
        insert into innovation_achievements (title, kind, org_id, region_code, industry_division, studio_id, started_on, submitted_on, status,
          benefit_yuan, patent_numbers, evaluated_on, adopted_on, evaluation, created_at, updated_at)
        select (array['工艺参数优化','设备故障快速诊断法','节能降耗改造','夹具快换结构','质量缺陷预防','自动化上下料改造','安全防护装置改进','检测工装革新'])[1 + g % 8]
            || '（' || h.name || '）',
          (array['suggestion','innovation','invention','method'])[1 + g % 4], h.org_id, h.region_code, h.industry_division, h.studio_id,
          date '2018-01-01' + (g * 37) % 900, date '2018-03-01' + (g * 37) % 900,
          (array['submitted','evaluated','adopted','adopted','rejected'])[1 + g % 5],
          case when g % 5 in (1, 2, 3) then 10000 * (1 + (g * 7919) % 300) end,
          case when g % 4 = 2 then array['ZL20' || (18 + g % 3)::text || '1' || lpad(((g * 104729) % 10000000)::text, 7, '0') || '.' || (g % 10)::text] else '{}' end,
          case when g % 5 <> 0 then date '2018-04-01' + (g * 37) % 900 end,
          case when g % 5 in (2, 3) then date '2018-05-01' + (g * 37) % 900 end,
          case when g % 5 <> 0 then '经评审，成果具有推广价值' end,
          ${now}, ${now}
        from hosts h cross join generate_series(1, 12) as g
        returning id, org_id
      )
      insert into innovation_team (achievement_id, worker_id, is_lead)
      select m.id, t.id, t.rn = 1
      from made m cross join lateral (
        -- Three of the host's first 24 workers in the list's order (an index range, at any scale).
        select w.id, row_number() over (order by md5(w.id::text || m.id::text)) as rn
        from (select w.id from workers w where w.org_id = m.org_id order by w.name_pinyin, w.id limit 24) w
        order by rn limit 3
      ) t`.execute(trx);
    await setSetting(trx, 'demo.skills_activity', { at: now.toISOString() }, now);
    await audit(trx, ctx, { action: 'demo.load_skills_activity', entityType: 'program' });
  });
}
