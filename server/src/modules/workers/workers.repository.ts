import { type ExpressionBuilder, sql } from 'kysely';
import { orgIdInScope, type Scope } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';

const WORKER_COLUMNS = [
  'w.id',
  'w.orgId',
  'w.userId',
  'w.regionCode',
  'w.name',
  'w.gender',
  'w.birthDate',
  'w.idNumberEnc',
  'w.phoneEnc',
  'w.occupationCode',
  'w.industryDivision',
  'w.isFrontline',
  'w.isUnionMember',
  'w.employedFrom',
  'w.employedTo',
  'w.status',
  'w.highestSkillRank',
  'w.highestSkillOn',
  'w.highestTitleRank',
  'w.isHighSkilled',
  'w.createdAt',
  'w.updatedAt',
  'o.code as orgCode',
  'o.name as orgName',
  'o.kind as orgKind',
  'o.path as orgPath',
  'r.name as regionName',
] as const;

function selectWorkers(db: Db) {
  return db
    .selectFrom('workers as w')
    .innerJoin('orgs as o', 'o.id', 'w.orgId')
    .leftJoin('orgs as r', 'r.code', 'w.regionCode')
    .select(WORKER_COLUMNS);
}

export type WorkerRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export function findById(db: Db, id: string) {
  return selectWorkers(db).where('w.id', '=', id).executeTakeFirst();
}

export function findIdByIdNumberHash(db: Db, hash: string) {
  return db.selectFrom('workers').select(['id']).where('idNumberHash', '=', hash).executeTakeFirst();
}

/** Rows visible under a scope: an org subtree, or the actor's own worker record. */
function inScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB & { w: DB['workers'] }, 'w'>) => {
    if (scope.kind === 'self') return eb('w.userId', '=', scope.userId);
    return orgIdInScope(scope, 'w.orgId');
  };
}

export type WorkerSort = 'name' | 'level' | 'date';

export type WorkerFilter = {
  scope: Scope;
  orgPath?: string;
  regionPrefix?: string;
  industryDivisions?: string[];
  skillRank?: number;
  titleRank?: number;
  isFrontline?: boolean;
  isHighSkilled?: boolean;
  status?: string;
  /** One of: exact id-number hash, certificate number, name prefix, pinyin/initials prefix. */
  idNumberHash?: string;
  certificateNumber?: string;
  namePrefix?: string;
  latinPrefix?: string;
  sort: WorkerSort;
  after?: { key: string | number | null; id: string };
  limit: number;
};

const SORT_KEY: Record<WorkerSort, ReturnType<typeof sql<string | number>>> = {
  name: sql`w.name_pinyin`,
  level: sql`coalesce(w.highest_skill_rank, 0)`,
  date: sql`coalesce(w.highest_skill_on, date '0001-01-01')`,
};

export async function list(db: Db, f: WorkerFilter) {
  const latin = f.latinPrefix;
  if (latin === undefined) return page(db, f).execute();
  // A pinyin prefix and an initials prefix are two ordered ranges: each branch takes its own first page
  // (the initials one also within the pinyin range of its first letter, so PostgreSQL may walk the
  // pinyin index in order when the initials are common, as 'zw' is), and the two pages merge. An OR of
  // the two would gather every match (≈200k for 'zw' at 9M workers) and sort them.
  const prefix = escapeLike(latin);
  const byPinyin = page(db, f, (q) => q.where('w.namePinyin', 'like', `${prefix}%`));
  if (!mayBeInitials(latin)) return byPinyin.execute();
  const initials = (eb: ExpressionBuilder<DB & { w: DB['workers'] }, 'w'>) =>
    eb.and([eb('w.nameInitials', 'like', `${prefix}%`), eb('w.namePinyin', 'like', `${escapeLike(latin.slice(0, 1))}%`)]);
  // A bare name search in pinyin order first finds its page's ids by an index-only walk of the pinyin
  // index (it carries the initials and org): 'zw' over 9.9M workers on PostgreSQL 1,222 → 11–31 ms.
  const byInitials = isBareNameSearch(f)
    ? page(db, f, (q) => q.where('w.id', 'in', idsOnly(db, f).where(initials)))
    : page(db, f, (q) => q.where(initials));
  const ascending = f.sort === 'name';
  const { rows } = await sql<Awaited<ReturnType<typeof byPinyin.execute>>[number]>`
    select * from ((${byPinyin}) union (${byInitials})) as page
    order by ${sql.ref('sort_key')} ${sql.raw(ascending ? 'asc' : 'desc')}, id ${sql.raw(ascending ? 'asc' : 'desc')}
    limit ${f.limit}`.execute(db);
  return rows;
}

type WorkerQuery = ReturnType<typeof selectWorkers>;

/** No syllable starts with i, u or v: letters with one after the first cannot be initials. */
function mayBeInitials(letters: string) {
  return !/[iuv]/.test(letters.slice(1));
}

/** Only the scope, an org subtree and a name in pinyin order: nothing the pinyin index does not carry. */
function isBareNameSearch(f: WorkerFilter) {
  const { scope, latinPrefix, sort, after, limit, orgPath, ...others } = f;
  return sort === 'name' && scope.kind !== 'self' && Object.values(others).every((v) => v === undefined);
}

/** The ids of one page of workers from the workers table alone (and the orgs of a subtree), in pinyin order. */
function idsOnly(db: Db, f: WorkerFilter) {
  return db
    .selectFrom('workers as w')
    .select('w.id')
    .where(inScope(f.scope))
    .$if(f.orgPath !== undefined, (q) =>
      q.where('w.orgId', 'in', db.selectFrom('orgs as o').select('o.id').where('o.path', 'like', `${f.orgPath}%`)),
    )
    .$if(f.after !== undefined, (q) => q.where(sql<boolean>`(w.name_pinyin, w.id) > (${f.after?.key}, ${f.after?.id}::uuid)`))
    .orderBy('w.namePinyin')
    .orderBy('w.id')
    .limit(f.limit);
}

/** One page of the filtered list in the requested order (keyset after `f.after`). */
function page(db: Db, f: WorkerFilter, match: (q: WorkerQuery) => WorkerQuery = (q) => q) {
  const key = SORT_KEY[f.sort];
  const ascending = f.sort === 'name';
  return match(selectWorkers(db))
    .select(key.as('sortKey'))
    .where(inScope(f.scope))
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`))
    .$if(f.regionPrefix !== undefined, (q) => q.where('w.regionCode', 'like', `${f.regionPrefix}%`))
    .$if(f.industryDivisions !== undefined, (q) =>
      q.where('w.industryDivision', 'in', f.industryDivisions?.length ? f.industryDivisions : ['--']),
    )
    .$if(f.skillRank !== undefined, (q) => q.where('w.highestSkillRank', '=', f.skillRank as number))
    .$if(f.titleRank !== undefined, (q) => q.where('w.highestTitleRank', '=', f.titleRank as number))
    .$if(f.isFrontline !== undefined, (q) => q.where('w.isFrontline', '=', f.isFrontline as boolean))
    .$if(f.isHighSkilled !== undefined, (q) => q.where('w.isHighSkilled', '=', f.isHighSkilled as boolean))
    .$if(f.status !== undefined, (q) => q.where('w.status', '=', f.status as string))
    .$if(f.idNumberHash !== undefined, (q) => q.where('w.idNumberHash', '=', f.idNumberHash as string))
    .$if(f.certificateNumber !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('credentials as c')
            .select(sql`1`.as('one'))
            .whereRef('c.workerId', '=', 'w.id')
            .where('c.certificateNumber', '=', f.certificateNumber as string),
        ),
      ),
    )
    .$if(f.namePrefix !== undefined, (q) => q.where('w.name', 'like', `${escapeLike(f.namePrefix as string)}%`))
    .$if(f.after !== undefined, (q) =>
      q.where(
        ascending
          ? sql<boolean>`(${key}, w.id) > (${f.after?.key}, ${f.after?.id}::uuid)`
          : sql<boolean>`(${key}, w.id) < (${f.after?.key}, ${f.after?.id}::uuid)`,
      ),
    )
    .orderBy(key, ascending ? 'asc' : 'desc')
    .orderBy('w.id', ascending ? 'asc' : 'desc')
    .limit(f.limit);
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type WorkerValues = {
  orgId: string;
  regionCode: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: string;
  birthDate: string;
  idNumberEnc: string;
  idNumberHash: string;
  phoneEnc: string | null;
  occupationCode: string | null;
  industryDivision: string | null;
  isFrontline: boolean;
  isUnionMember: boolean;
  employedFrom: string | null;
  employedTo: string | null;
  status: string;
  source: string;
  importJobId?: string | null;
};

export function insert(db: Db, values: WorkerValues & { now: Date }) {
  const { now, ...rest } = values;
  return db
    .insertInto('workers')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function update(db: Db, id: string, values: Partial<WorkerValues & { userId: string | null }> & { now: Date }) {
  const { now, ...rest } = values;
  await db
    .updateTable('workers')
    .set({ ...rest, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Keeps each worker's highest skill level (and when it was first reached) and highest title in step with their valid credentials. */
export async function recomputeDerived(db: Db, workerIds: string[]) {
  if (workerIds.length === 0) return;
  await sql`
    update workers w set highest_skill_rank = s.top, highest_skill_on = s.top_on, highest_title_rank = s.title,
      skilled_since = s.skilled_since, high_skilled_since = s.high_skilled_since
    from (
      select w2.id, agg.top, agg.top_on, agg.title, agg.skilled_since, agg.high_skilled_since
      from workers w2
      left join (
        select worker_id,
          max(level_rank) filter (where kind = 'skill_level') as top,
          (array_agg(issued_on order by level_rank desc, issued_on) filter (where kind = 'skill_level'))[1] as top_on,
          max(level_rank) filter (where kind = 'title') as title,
          -- indicators: the first days the worker counts as skilled / high-skilled (dashboard aggregates)
          min(issued_on) filter (where kind = 'skill_level') as skilled_since,
          min(issued_on) filter (where kind = 'skill_level' and level_rank >= 4) as high_skilled_since
        from credentials
        where worker_id = any(${workerIds}::uuid[]) and status = 'valid'
        group by worker_id) agg on agg.worker_id = w2.id
      where w2.id = any(${workerIds}::uuid[])) s
    where w.id = s.id
      and (w.highest_skill_rank, w.highest_skill_on, w.highest_title_rank, w.skilled_since, w.high_skilled_since)
        is distinct from (s.top, s.top_on, s.title, s.skilled_since, s.high_skilled_since)`.execute(db);
}

const CREDENTIAL_COLUMNS = [
  'id',
  'workerId',
  'kind',
  'levelCode',
  'occupationCode',
  'series',
  'name',
  'issuer',
  'certificateNumber',
  'issuedOn',
  'equivalentTo',
  'purposes',
  'source',
  'status',
  'revokedReason',
  'revokedOn',
] as const;

export function listCredentials(db: Db, workerId: string) {
  return db
    .selectFrom('credentials')
    .select(CREDENTIAL_COLUMNS)
    .where('workerId', '=', workerId)
    .orderBy('issuedOn')
    .orderBy('id')
    .execute();
}

export type CredentialRow = Awaited<ReturnType<typeof listCredentials>>[number];

export function findCredential(db: Db, id: string) {
  return db.selectFrom('credentials').select(CREDENTIAL_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type CredentialValues = {
  workerId: string;
  regionCode: string;
  kind: string;
  levelCode: string | null;
  levelRank: number | null;
  occupationCode: string | null;
  series: string | null;
  name: string | null;
  issuer: string | null;
  certificateNumber: string | null;
  naturalKey: string;
  issuedOn: string;
  equivalentTo: string | null;
  purposes: string[] | null;
  source: string;
};

export function insertCredential(db: Db, values: CredentialValues & { now: Date }) {
  const { now, purposes, ...rest } = values;
  return db
    .insertInto('credentials')
    .values({ ...rest, purposes: purposes ? JSON.stringify(purposes) : null, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findCredentialByNaturalKey(db: Db, workerId: string, kind: string, naturalKey: string) {
  return db
    .selectFrom('credentials')
    .select(['id'])
    .where('workerId', '=', workerId)
    .where('kind', '=', kind)
    .where('naturalKey', '=', naturalKey)
    .executeTakeFirst();
}

export async function revokeCredential(db: Db, id: string, values: { reason: string; revokedOn: string; now: Date }) {
  await db
    .updateTable('credentials')
    .set({ status: 'revoked', revokedReason: values.reason, revokedOn: values.revokedOn, updatedAt: values.now })
    .where('id', '=', id)
    .execute();
}

/** Fresh planner statistics after a bulk load, so queries use the indexes. */
/**
 * After a bulk load: fresh statistics, and a visibility map so that searches walk the covering indexes
 * without visiting the table (index-only scans; PGlite has no autovacuum to do it later). The orgs the
 * load added weigh in a subtree's estimate (18 orgs guessed for Wuhan's 709 made a search take 0.6 s).
 */
export async function analyze(db: Db) {
  await sql`vacuum analyze workers`.execute(db);
  await sql`vacuum analyze credentials`.execute(db);
  await sql`analyze orgs`.execute(db);
  await sql`analyze enterprises`.execute(db);
}

/**
 * Skilled workers (a valid skill-level credential issued by the date) and, of them, high-skilled ones
 * (highest such rank 高级工 or above), as of a date.
 */
export async function skillFigures(db: Db, asOf: string) {
  const { rows } = await sql<{ skilled: number; highSkilled: number }>`
    select count(*) as skilled, count(*) filter (where top >= 4) as "highSkilled"
    from (select worker_id, max(level_rank) as top from credentials
          where kind = 'skill_level' and status = 'valid' and issued_on <= ${asOf}
          group by worker_id) s`.execute(db);
  return { skilled: Number(rows[0]?.skilled ?? 0), highSkilled: Number(rows[0]?.highSkilled ?? 0) };
}
