import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const POLICY_COLUMNS = [
  'p.id',
  'p.title',
  'p.docNumber',
  'p.issuers',
  'p.issuedOn',
  'p.category',
  'p.status',
  'p.leadOrgId',
  'o.code as leadOrgCode',
  'o.name as leadOrgName',
  'o.kind as leadOrgKind',
] as const;

export type PolicyFilter = { q?: string; year?: number; category?: string; status?: string; leadOrgId?: string };

function filtered(db: Db, f: PolicyFilter, withYear = true) {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return (
    db
      .selectFrom('policies as p')
      .leftJoin('orgs as o', 'o.id', 'p.leadOrgId')
      // Trigram index (policies_search_ix) over title, number, issuers, summary and full text.
      .$if(pattern !== undefined, (q) => q.where(sql<boolean>`p.search_text ilike ${pattern}`))
      .$if(withYear && f.year !== undefined, (q) =>
        q.where('p.issuedOn', '>=', `${f.year}-01-01`).where('p.issuedOn', '<=', `${f.year}-12-31`),
      )
      .$if(f.category !== undefined, (q) => q.where('p.category', '=', f.category as string))
      .$if(f.status !== undefined, (q) => q.where('p.status', '=', f.status as string))
      .$if(f.leadOrgId !== undefined, (q) => q.where('p.leadOrgId', '=', f.leadOrgId as string))
  );
}

/** Newest first; a search ranks title hits above hits in the body. */
export function list(db: Db, f: PolicyFilter & { limit: number; offset: number }) {
  const q = f.q ?? '';
  return filtered(db, f)
    .select(POLICY_COLUMNS)
    .select(
      sql<string | null>`case when ${q} <> '' and strpos(p.full_text, ${q}) > 0
        then substr(p.full_text, greatest(strpos(p.full_text, ${q}) - 30, 1), ${q.length + 60}) end`.as('snippet'),
    )
    .$if(q !== '', (qb) => qb.orderBy(sql`strpos(p.title, ${q}) > 0`, 'desc'))
    .orderBy('p.issuedOn', 'desc')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export async function count(db: Db, f: PolicyFilter) {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function countByYear(db: Db, f: PolicyFilter) {
  return filtered(db, f, false)
    .select([sql<number>`extract(year from p.issued_on)::int`.as('year'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(sql`extract(year from p.issued_on)`)
    .orderBy(sql`extract(year from p.issued_on)`, 'desc')
    .execute();
}

export function findById(db: Db, id: string) {
  return db
    .selectFrom('policies as p')
    .leftJoin('orgs as o', 'o.id', 'p.leadOrgId')
    .select(POLICY_COLUMNS)
    .select(['p.summary', 'p.fullText', 'p.supersedesId', 'p.createdAt', 'p.updatedAt'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export function findRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('policies').select(['id', 'title', 'docNumber', 'issuedOn']).where('id', 'in', ids).execute();
}

export function listSupersededBy(db: Db, id: string) {
  return db
    .selectFrom('policies')
    .select(['id', 'title', 'docNumber', 'issuedOn'])
    .where('supersedesId', '=', id)
    .orderBy('issuedOn')
    .orderBy('id')
    .execute();
}

export function findByDocNumber(db: Db, docNumber: string) {
  return db.selectFrom('policies').select(['id']).where('docNumber', '=', docNumber).executeTakeFirst();
}

export type PolicyValues = {
  title: string;
  docNumber: string | null;
  issuers: string;
  issuedOn: string;
  category: string;
  status: string;
  leadOrgId: string | null;
  supersedesId: string | null;
  summary: string | null;
  fullText: string;
};

export function insert(db: Db, values: PolicyValues & { createdBy: string | null; now: Date }) {
  const { now, ...rest } = values;
  return db
    .insertInto('policies')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function update(db: Db, id: string, values: PolicyValues & { now: Date }) {
  const { now, ...rest } = values;
  await db
    .updateTable('policies')
    .set({ ...rest, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function markRevised(db: Db, id: string, now: Date) {
  await db
    .updateTable('policies')
    .set({ status: 'revised', updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'in_force')
    .execute();
}

/** Walks the supersedes chain upward from `id`: true when `candidate` is an earlier version of it or itself. */
export async function isInChain(db: Db, id: string, candidate: string) {
  const { rows } = await sql<{ id: string }>`
    with recursive chain(id, supersedes_id, depth) as (
      select id, supersedes_id, 0 from policies where id = ${candidate}
      union all
      select p.id, p.supersedes_id, c.depth + 1 from policies p join chain c on p.id = c.supersedes_id where c.depth < 100)
    select id from chain where id = ${id}`.execute(db);
  return rows.length > 0;
}

export function countIssuedIn(db: Db, from: string, to: string) {
  return db
    .selectFrom('policies')
    .select(['id', 'title', 'docNumber', 'issuedOn'])
    .where('issuedOn', '>=', from)
    .where('issuedOn', '<=', to)
    .orderBy('issuedOn')
    .orderBy('id')
    .execute();
}

export async function countUpTo(db: Db, to: string) {
  const row = await db
    .selectFrom('policies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issuedOn', '<=', to)
    .where('status', '!=', 'repealed')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ——— Attachments ———

export function listAttachments(db: Db, owner: { policyId?: string; reportIds?: string[] }) {
  let q = db
    .selectFrom('reformAttachments')
    .select(['id', 'policyId', 'reportId', 'fileName', 'contentType', 'sizeBytes', 'createdAt', 'uploadId']);
  if (owner.policyId) q = q.where('policyId', '=', owner.policyId);
  else if (owner.reportIds?.length) q = q.where('reportId', 'in', owner.reportIds);
  else return Promise.resolve([]);
  return q.orderBy('createdAt').orderBy('id').execute();
}

export function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('reformAttachments')
    .select(['id', 'uploadId', 'policyId', 'reportId', 'fileName', 'contentType', 'sizeBytes'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAttachments(
  db: Db,
  rows: {
    uploadId: string;
    policyId?: string;
    reportId?: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    createdAt: Date;
  }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('reformAttachments')
    .values(rows.map((r) => ({ ...r, policyId: r.policyId ?? null, reportId: r.reportId ?? null })))
    .execute();
}

export function findUploads(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('uploads as u')
    .leftJoin('reformAttachments as a', 'a.uploadId', 'u.id')
    .select(['u.id', 'u.fileName', 'u.contentType', 'u.sizeBytes', 'u.isComplete', 'u.uploadedBy', 'a.id as attachmentId'])
    .where('u.id', 'in', ids)
    .execute();
}

export async function deleteUpload(db: Db, id: string) {
  await db.deleteFrom('uploads').where('id', '=', id).execute();
}
