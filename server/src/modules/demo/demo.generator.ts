import {
  type Atom,
  type CredentialFact,
  credentialNaturalKey,
  creditCodeCheckChar,
  factColumns,
  HUBEI_INDUSTRY_CATEGORIES,
  type IsoDate,
  idNumberCheckDigit,
  nameSearchKeys,
  occupationsInDivision,
  prefectureOf,
} from '@changai/domain';
import { DEMO_GROWTH_AFTER, DEMO_MILESTONES, HIGH_RANKS, LOWER_RANKS, PREFECTURE_WEIGHTS, type ScaledCounts } from './demo.figures.js';
import { BRAND_WORDS, COMPANY_SUFFIXES, FEMALE_CHARS, HONORS, INDUSTRY_WORDS, MALE_CHARS, SURNAMES } from './demo.names.js';
import { fromDay, Random, toDay, Weighted } from './demo.random.js';

export type Division = { id: string; code: string; name: string; path: string; prefectureCode: string };

export type DemoEnterprise = {
  id: string;
  code: string;
  name: string;
  parentId: string;
  path: string;
  regionCode: string;
  prefectureCode: string;
  creditCode: string;
  industryDivision: string;
  industryCategory: string;
  ownership: string;
  size: string;
  weight: number;
  isExisting: boolean;
};

const SKILL_CODES = [
  'apprentice',
  'junior',
  'intermediate',
  'senior',
  'technician',
  'senior_technician',
  'principal_technician',
  'chief_technician',
];
const TITLE_CODES = ['entry', 'assistant', 'intermediate', 'deputy_senior', 'senior'];
/** National certificate grade by rank (五级 … 一级); 特级/首席技师 are posts enterprises appoint, without one. */
const GRADE_BY_RANK: Record<number, number> = { 2: 5, 3: 4, 4: 3, 5: 2, 6: 1 };
/** Youngest plausible age (years) at which each rank is reached. */
const MIN_AGE_BY_RANK: Record<number, number> = { 2: 18, 3: 19, 4: 21, 5: 26, 6: 31, 7: 36, 8: 38 };

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(random: Random, regionCode: string): string {
  let body = `91${regionCode}`;
  for (let i = 0; i < 9; i++) body += ALPHABET[random.int(0, ALPHABET.length - 1)];
  return body + creditCodeCheckChar(body);
}

/**
 * The employers: about one per 450 workers, spread over the counties by prefecture weight, each in an
 * industry drawn from the province's pillar, characteristic and emerging categories.
 */
export function planEnterprises(random: Random, divisions: Division[], totalWorkers: number, existing: DemoEnterprise[]): DemoEnterprise[] {
  const count = Math.max(40, Math.round(totalWorkers / 450));
  const byPrefecture = new Map<string, Division[]>();
  for (const d of divisions) byPrefecture.set(d.prefectureCode, [...(byPrefecture.get(d.prefectureCode) ?? []), d]);
  const prefectures = new Weighted(Object.entries(PREFECTURE_WEIGHTS).filter(([code]) => byPrefecture.has(code)));
  const categories = new Weighted(
    HUBEI_INDUSTRY_CATEGORIES.map((c) => [c, c.kind === 'pillar' ? 10 : c.kind === 'emerging' ? 4 : 3] as const),
  );
  const enterprises: DemoEnterprise[] = existing.map((e) => ({ ...e, creditCode: e.creditCode || creditCode(random, e.regionCode) }));
  const usedNames = new Set(existing.map((e) => e.name));
  for (let i = 0; i < count; i++) {
    const prefecture = prefectures.draw(random);
    const division = random.pick(byPrefecture.get(prefecture) as Division[]);
    const category = categories.draw(random);
    const industryDivision = random.pick(category.divisions);
    const shortPlace = division.name.replace(/(土家族苗族自治州|自治县|林区|市|区|县)$/, '');
    let name = '';
    for (let attempt = 0; attempt < 20 && (!name || usedNames.has(name)); attempt++) {
      const brand = random.pick(BRAND_WORDS) + random.pick(BRAND_WORDS);
      name = `湖北${shortPlace}${brand}${random.pick(INDUSTRY_WORDS[industryDivision] ?? ['实业'])}${random.pick(COMPANY_SUFFIXES)}`;
    }
    if (usedNames.has(name)) name = `${name}（${i}）`;
    usedNames.add(name);
    const size = random.chance(0.05) ? 'large' : random.chance(0.3) ? 'medium' : random.chance(0.7) ? 'small' : 'micro';
    const weight = { large: 40, medium: 8, small: 2, micro: 0.5 }[size] * (0.5 + random.next());
    enterprises.push({
      id: crypto.randomUUID(),
      code: `D${division.code}${String(i).padStart(6, '0')}`,
      name,
      parentId: division.id,
      path: '',
      regionCode: division.code,
      prefectureCode: prefecture,
      creditCode: creditCode(random, division.code),
      industryDivision,
      industryCategory: category.kind,
      ownership: random.chance(0.25) ? 'state' : random.chance(0.8) ? 'private' : random.pick(['foreign', 'hmt', 'mixed', 'collective']),
      size,
      weight,
      isExisting: false,
    });
  }
  for (const e of enterprises) if (!e.path) e.path = `${divisions.find((d) => d.id === e.parentId)?.path ?? ''}${e.id}/`;
  return enterprises;
}

export type Protect = { encrypt(text: string): string; blindIndex(text: string): string };

/** `facts`: the worker's row of conversion_facts, when the load writes them (see FactsPlan). */
export type GeneratedWorker = { worker: string; credentials: string[]; facts?: string };

/**
 * The columns of the rules in force, the years counted on each and the day the masks are taken on:
 * the generator writes each worker's facts as it goes, in the order of the conversion module's
 * `factsCopyColumns`.
 */
export type FactsPlan = { columns: Atom[]; steps: number[][]; baseOn: IsoDate };

const csv = (values: (string | number | boolean | null)[]) =>
  values
    .map((v) => {
      if (v === null) return '';
      const s = String(v);
      return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');

// created_at and updated_at are left to their default, the load's now(): PGlite parses a timestamp
// slowly, and a COPY of 100,000 worker rows took 27–33 µs a row without the two instead of 36–43.
export const WORKER_COLUMNS = [
  'id',
  'org_id',
  'region_code',
  'name',
  'name_pinyin',
  'name_initials',
  'gender',
  'birth_date',
  'id_number_enc',
  'id_number_hash',
  'phone_enc',
  'phone_hash',
  'occupation_code',
  'industry_division',
  'is_frontline',
  'is_union_member',
  'employed_from',
  'status',
  'highest_skill_rank',
  'highest_skill_on',
  'highest_title_rank',
  'source',
  // indicators: the first days the worker counts as skilled / high-skilled (dashboard aggregates)
  'skilled_since',
  'high_skilled_since',
];
export const CREDENTIAL_COLUMNS = [
  'id',
  'worker_id',
  'region_code',
  'kind',
  'level_code',
  'level_rank',
  'occupation_code',
  'series',
  'name',
  'issuer',
  'certificate_number',
  'natural_key',
  'issued_on',
  'source',
  'status',
  'revoked_reason',
  'revoked_on',
];

type Story = {
  ranks: [number, number][];
  firstFrom: number;
  firstTo: number;
  upgradeFrom?: number;
  upgradeTo?: number;
  upgradeRank?: number;
};

/**
 * Workers and their credentials, as csv lines for COPY. Each worker follows a story whose dates put
 * them in exactly one population of `counts`, so the milestone figures come out of the rows.
 */
/**
 * The province is generated in DEMO_SLICES independent slices (own random stream, own share of every
 * population, own ID sequence numbers), so threads can generate them in parallel and the province
 * is the same however many threads there are.
 */
export const DEMO_SLICES = 8;

/** This slice's share of every population: the shares add up to the counts exactly. */
export function sliceCounts(counts: ScaledCounts, slice: number): ScaledCounts {
  const share = (n: number) => Math.floor((n * (slice + 1)) / DEMO_SLICES) - Math.floor((n * slice) / DEMO_SLICES);
  const part = {
    highAtFirst: share(counts.highAtFirst),
    upgradedBetween: share(counts.upgradedBetween),
    lowerAtFirst: share(counts.lowerAtFirst),
    newHighBetween: share(counts.newHighBetween),
    newLowerBetween: share(counts.newLowerBetween),
    newAfter: share(counts.newAfter),
    total: 0,
  };
  part.total = part.highAtFirst + part.upgradedBetween + part.lowerAtFirst + part.newHighBetween + part.newLowerBetween + part.newAfter;
  return part;
}

// ID sequence numbers 501–999 (odd for men, even for women; hand-made records use the low ones),
// split evenly between the slices.
const SEQUENCES_PER_SLICE = Math.floor(249 / DEMO_SLICES);

export function* generateWorkers(
  slice: number,
  allCounts: ScaledCounts,
  enterprises: DemoEnterprise[],
  protect: Protect,
  factsPlan?: FactsPlan,
): Generator<GeneratedWorker> {
  const random = new Random(2020 + 7919 * (slice + 1));
  const counts = sliceCounts(allCounts, slice);
  const [first, second] = DEMO_MILESTONES;
  const d1 = toDay(first.asOf);
  const d2 = toDay(second.asOf);
  const end = toDay(DEMO_GROWTH_AFTER.until);
  const start = toDay('1995-01-01');
  const high = new Weighted(HIGH_RANKS);
  const lower = new Weighted(LOWER_RANKS);
  const byPrefecture = new Map<string, DemoEnterprise[]>();
  for (const e of enterprises) byPrefecture.set(e.prefectureCode, [...(byPrefecture.get(e.prefectureCode) ?? []), e]);
  const prefectures = new Weighted(Object.entries(PREFECTURE_WEIGHTS).filter(([code]) => byPrefecture.has(code)));
  const employers = new Map([...byPrefecture].map(([code, list]) => [code, new Weighted(list.map((e) => [e, e.weight] as const))]));
  const surnames = new Weighted(SURNAMES);
  // Pinyin per character (the surname read as a surname), composed: names are drawn from small pools.
  const keysCache = new Map<string, ReturnType<typeof nameSearchKeys>>();
  const keysOf = (text: string) => {
    let keys = keysCache.get(text);
    if (!keys) {
      keys = nameSearchKeys(text);
      keysCache.set(text, keys);
    }
    return keys;
  };
  const earliestSelfEvaluation = toDay('2020-01-01');
  const occupationsByDivision = new Map<string, ReturnType<typeof occupationsInDivision>>();
  const latestBirthDay = toDay('2004-12-31');
  // ID sequence numbers per (region, birth day, gender), so every generated ID number is distinct.
  const birthStart = toDay('1958-01-01');
  const sequences = new Map<string, Uint16Array>();
  let certificateSerial = slice * 1_000_003;

  const populations: [number, () => Story][] = [
    [counts.highAtFirst, () => ({ ranks: [[high.draw(random), 1]], firstFrom: start, firstTo: d1 })],
    [
      counts.upgradedBetween,
      () => ({ ranks: [[lower.draw(random), 1]], firstFrom: start, firstTo: d1, upgradeFrom: d1 + 1, upgradeTo: d2, upgradeRank: 4 }),
    ],
    [
      counts.lowerAtFirst,
      () => ({
        ranks: [[lower.draw(random), 1]],
        firstFrom: start,
        firstTo: d1,
        ...(random.chance(0.08) ? { upgradeFrom: d2 + 1, upgradeTo: end, upgradeRank: 4 } : {}),
      }),
    ],
    [counts.newHighBetween, () => ({ ranks: [[high.draw(random), 1]], firstFrom: d1 + 1, firstTo: d2 })],
    [counts.newLowerBetween, () => ({ ranks: [[lower.draw(random), 1]], firstFrom: d1 + 1, firstTo: d2 })],
    [
      counts.newAfter,
      () => ({
        ranks: [[random.chance(DEMO_GROWTH_AFTER.highShare) ? high.draw(random) : lower.draw(random), 1]],
        firstFrom: d2 + 1,
        firstTo: end,
      }),
    ],
  ];

  for (const [size, story] of populations) {
    for (let n = 0; n < size; n++) {
      const plan = story();
      const rank = plan.ranks[0]?.[0] as number;
      const prefecture = prefectures.draw(random);
      const employer = (employers.get(prefecture) as Weighted<DemoEnterprise>).draw(random);
      const gender = random.chance(0.62) ? 'male' : 'female';
      // Old enough to have reached the rank within the story's window.
      const latestBirth = plan.firstTo - (MIN_AGE_BY_RANK[rank] as number) * 366;
      const born = random.int(birthStart, Math.max(birthStart, Math.min(latestBirth, latestBirthDay)));
      const reached = random.int(Math.max(plan.firstFrom, born + (MIN_AGE_BY_RANK[rank] as number) * 366), plan.firstTo);
      const key = `${employer.regionCode}:${gender}`;
      let seqs = sequences.get(key);
      if (!seqs) {
        seqs = new Uint16Array(20_000);
        sequences.set(key, seqs);
      }
      const dayIndex = born - birthStart;
      const c = seqs[dayIndex] ?? 0;
      seqs[dayIndex] = c + 1;
      const seq = 500 + 2 * (slice * SEQUENCES_PER_SLICE + (c % SEQUENCES_PER_SLICE)) + (gender === 'male' ? 1 : 2);
      const first17 = `${employer.regionCode}${fromDay(born).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
      const idNumber = first17 + idNumberCheckDigit(first17);

      const surname = surnames.draw(random);
      const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
      const given = [random.pick(chars), ...(random.chance(0.7) ? [random.pick(chars)] : [])];
      const parts = [keysOf(surname), ...given.map(keysOf)];
      const keys = {
        simplified: parts.map((p) => p.simplified).join(''),
        pinyin: parts.map((p) => p.pinyin).join(''),
        initials: parts.map((p) => p.initials).join(''),
      };
      let occupations = occupationsByDivision.get(employer.industryDivision);
      if (!occupations) {
        occupations = occupationsInDivision(employer.industryDivision);
        occupationsByDivision.set(employer.industryDivision, occupations);
      }
      const occupation = occupations.length ? random.pick(occupations).code : null;
      const workerId = crypto.randomUUID();
      const credentials: string[] = [];
      const held: CredentialFact[] = [];
      const credential = (c: {
        kind: 'skill_level' | 'title' | 'honor';
        levelCode?: string;
        levelRank?: number;
        series?: string;
        name?: string;
        issuer: string;
        certificateNumber?: string | null;
        issuedOn: string;
        revoked?: { reason: string; on: string };
      }) => {
        const naturalKey = credentialNaturalKey(c);
        const occupationCode = c.kind === 'skill_level' ? occupation : null;
        const status = c.revoked ? 'revoked' : 'valid';
        held.push({
          kind: c.kind,
          levelCode: c.levelCode ?? null,
          occupationCode,
          series: c.series ?? null,
          name: c.name ?? null,
          issuedOn: c.issuedOn,
          status,
        });
        credentials.push(
          csv([
            crypto.randomUUID(),
            workerId,
            employer.regionCode,
            c.kind,
            c.levelCode ?? null,
            c.levelRank ?? null,
            occupationCode,
            c.series ?? null,
            c.name ?? null,
            c.issuer,
            c.certificateNumber ?? null,
            naturalKey,
            c.issuedOn,
            'demo',
            status,
            c.revoked?.reason ?? null,
            c.revoked?.on ?? null,
          ]),
        );
      };
      let skilledSince: number | null = null;
      let highSkilledSince: number | null = null;
      const skill = (levelRank: number, on: number) => {
        if (skilledSince === null || on < skilledSince) skilledSince = on;
        if (levelRank >= 4 && (highSkilledSince === null || on < highSkilledSince)) highSkilledSince = on;
        const grade = GRADE_BY_RANK[levelRank];
        const issuedOn = fromDay(on);
        const selfEvaluated = on >= earliestSelfEvaluation;
        const certificateNumber = grade
          ? `${selfEvaluated ? 'Y' : 'S'}${String((certificateSerial % 9000) + 1000)}42${employer.regionCode}${issuedOn.slice(2, 4)}${grade}${String(++certificateSerial % 1_000_000).padStart(6, '0')}`
          : null;
        const issuer = grade ? (selfEvaluated ? employer.name : '湖北省职业技能鉴定指导中心') : employer.name;
        credential({
          kind: 'skill_level',
          levelCode: SKILL_CODES[levelRank - 1] as string,
          levelRank,
          issuer,
          certificateNumber,
          issuedOn,
        });
      };
      // An earlier, lower certificate for most of those who reached a higher rank.
      if (rank >= 3 && random.chance(0.6)) {
        const earlier = reached - random.int(3, 6) * 365;
        // Within the story's own window, so it never makes anyone skilled earlier than their population says.
        if (earlier >= born + 18 * 366 && earlier >= plan.firstFrom) skill(rank >= 5 ? 4 : rank - 1, earlier);
      }
      skill(rank, reached);
      let highestRank = rank;
      let highestOn = reached;
      if (plan.upgradeRank && plan.upgradeFrom !== undefined && plan.upgradeTo !== undefined && plan.upgradeRank > rank) {
        const on = random.int(Math.max(plan.upgradeFrom, reached + 365), Math.max(plan.upgradeFrom, plan.upgradeTo));
        if (on <= plan.upgradeTo) {
          skill(plan.upgradeRank, on);
          highestRank = plan.upgradeRank;
          highestOn = on;
        }
      }
      let titleRank: number | null = null;
      if (highestRank >= 4 && random.chance(0.06)) {
        titleRank = random.chance(0.6) ? 2 : random.chance(0.85) ? 3 : 4;
        const issuedOn = fromDay(random.int(Math.min(highestOn + 365, end), end));
        credential({
          kind: 'title',
          levelCode: TITLE_CODES[titleRank - 1] as string,
          levelRank: titleRank,
          series: '工程',
          issuer: '湖北省人力资源和社会保障厅',
          issuedOn,
        });
      }
      if (highestRank >= 5 && random.chance(0.01)) {
        const issuedOn = fromDay(random.int(Math.min(highestOn, end), end));
        credential({ kind: 'honor', name: random.pick(HONORS), issuer: '湖北省总工会', issuedOn });
      }
      // A few certificates found to be wrong and cancelled: they never count.
      if (random.chance(0.002)) {
        credential({
          kind: 'skill_level',
          levelCode: 'junior',
          levelRank: 2,
          issuer: '湖北省职业技能鉴定指导中心',
          issuedOn: fromDay(Math.max(reached - 400, born + 18 * 366)),
          revoked: { reason: '证书信息有误，经核查注销', on: fromDay(Math.min(reached, end)) },
        });
      }
      const phone = random.chance(0.7)
        ? `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`
        : null;
      const employedFrom = fromDay(Math.max(born + 18 * 366, Math.min(reached - random.int(0, 8) * 365, reached)));
      const isFrontline = random.chance(0.85);
      const isUnionMember = random.chance(0.72);
      const isEmployed = random.chance(0.96);
      let facts: string | undefined;
      if (factsPlan) {
        const row = factColumns(factsPlan.columns, factsPlan.steps, factsPlan.baseOn, {
          occupationCode: occupation,
          isFrontline,
          employedFrom,
          credentials: held,
        });
        facts = csv([
          workerId,
          employer.id,
          prefectureOf(employer.regionCode),
          employer.industryDivision,
          isEmployed,
          row.mask.toString(),
          row.validFrom,
          row.validUntil,
          row.maskH.toString(),
          row.hFrom,
          row.hUntil,
          row.mids === null ? null : `{${row.mids.join(',')}}`,
          row.present.toString(),
          ...row.starts,
        ]);
      }
      yield {
        worker: csv([
          workerId,
          employer.id,
          employer.regionCode,
          keys.simplified,
          keys.pinyin,
          keys.initials,
          gender,
          fromDay(born),
          protect.encrypt(idNumber),
          protect.blindIndex(idNumber),
          phone ? protect.encrypt(phone) : null,
          phone ? protect.blindIndex(phone) : null,
          occupation,
          employer.industryDivision,
          isFrontline,
          isUnionMember,
          employedFrom,
          isEmployed ? 'employed' : 'left',
          highestRank,
          fromDay(highestOn),
          titleRank,
          'demo',
          skilledSince === null ? null : fromDay(skilledSince),
          highSkilledSince === null ? null : fromDay(highSkilledSince),
        ]),
        credentials,
        facts,
      };
    }
  }
}
