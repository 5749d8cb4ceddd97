import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/database.js';
import { escapeLike } from './policies.repository.js';

/** Matches nothing: `in ()` is not SQL. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

const TASK_COLUMNS = [
  't.id',
  't.parentId',
  't.area',
  't.title',
  't.description',
  't.orgId',
  't.issuerOrgId',
  't.policyId',
  't.decisionId',
  't.reportCycle',
  't.startsOn',
  't.dueOn',
  't.status',
  't.ownProgress',
  't.progress',
  't.completedOn',
  'o.code as orgCode',
  'o.name as orgName',
  'o.kind as orgKind',
  'o.path as orgPath',
  'io.code as issuerCode',
  'io.name as issuerName',
  'io.kind as issuerKind',
  'io.path as issuerPath',
] as const;

/**
 * Whether a task lies within a scope: its responsible unit, its issuing unit or one of its co-units
 * is in the subtree. A liaison unit so sees the tasks it holds, set, or helps with.
 */
export function taskInScope(scope: Scope): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'self') return sql<boolean>`false`;
  const like = `${scope.path}%`;
  return sql<boolean>`(o.path like ${like} or io.path like ${like} or exists (
    select 1 from reform_task_co_units cu join orgs co on co.id = cu.org_id where cu.task_id = t.id and co.path like ${like}))`;
}

function base(db: Db) {
  return db
    .selectFrom('reformTasks as t')
    .innerJoin('orgs as o', 'o.id', 't.orgId')
    .innerJoin('orgs as io', 'io.id', 't.issuerOrgId')
    .select(TASK_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('reformTasks as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parentId', '=', 't.id')
        .as('copyCount'),
    );
}

export type TaskRow = Awaited<ReturnType<typeof findById>> & {};

export function findById(db: Db, id: string) {
  return base(db).where('t.id', '=', id).executeTakeFirst();
}

export type TaskFilter = {
  scope: Scope;
  today: string;
  q?: string;
  area?: string;
  status?: string;
  orgId?: string;
  year?: number;
  overdue?: boolean;
  topLevel?: boolean;
  parentId?: string;
  policyId?: string;
  decisionIds?: string[];
  ids?: string[];
};

function filtered(db: Db, f: TaskFilter) {
  return base(db)
    .where(taskInScope(f.scope))
    .$if(f.q !== undefined, (q) => q.where('t.title', 'like', `%${escapeLike(f.q as string)}%`))
    .$if(f.area !== undefined, (q) => q.where('t.area', '=', f.area as string))
    .$if(f.status !== undefined, (q) => q.where('t.status', '=', f.status as string))
    .$if(f.orgId !== undefined, (q) => q.where('t.orgId', '=', f.orgId as string))
    .$if(f.year !== undefined, (q) => q.where(sql<boolean>`extract(year from t.due_on) = ${f.year}`))
    .$if(f.overdue === true, (q) => q.where('t.status', '=', 'in_progress').where('t.dueOn', '<', f.today))
    .$if(f.topLevel === true, (q) => q.where('t.parentId', 'is', null))
    .$if(f.parentId !== undefined, (q) => q.where('t.parentId', '=', f.parentId as string))
    .$if(f.policyId !== undefined, (q) => q.where('t.policyId', '=', f.policyId as string))
    .$if(f.ids !== undefined, (q) => q.where('t.id', 'in', f.ids?.length ? f.ids : [NO_ID]))
    .$if(f.decisionIds !== undefined, (q) => q.where('t.decisionId', 'in', f.decisionIds?.length ? f.decisionIds : [NO_ID]));
}

export function list(db: Db, f: TaskFilter & { limit: number; offset: number }) {
  return filtered(db, f).orderBy('t.dueOn').orderBy('o.code').orderBy('t.id').limit(f.limit).offset(f.offset).execute();
}

export async function count(db: Db, f: TaskFilter) {
  const row = await db
    .selectFrom(filtered(db, f).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listCoUnits(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reformTaskCoUnits as cu')
    .innerJoin('orgs as o', 'o.id', 'cu.orgId')
    .select(['cu.taskId', 'o.id', 'o.code', 'o.name', 'o.kind', 'o.path'])
    .where('cu.taskId', 'in', taskIds)
    .orderBy('o.code')
    .execute();
}

export async function insert(
  db: Db,
  values: {
    parentId: string | null;
    area: string;
    title: string;
    description: string;
    orgId: string;
    issuerOrgId: string;
    policyId: string | null;
    decisionId: string | null;
    reportCycle: string;
    startsOn: string;
    dueOn: string;
    createdBy: string | null;
    now: Date;
  },
) {
  const { now, ...rest } = values;
  return db
    .insertInto('reformTasks')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertCoUnits(db: Db, taskId: string, orgIds: string[]) {
  if (orgIds.length === 0) return;
  await db
    .insertInto('reformTaskCoUnits')
    .values(orgIds.map((orgId) => ({ taskId, orgId })))
    .execute();
}

export async function insertMilestones(db: Db, taskId: string, milestones: { title: string; dueOn: string }[]) {
  if (milestones.length === 0) return;
  await db
    .insertInto('reformTaskMilestones')
    .values(milestones.map((m) => ({ taskId, title: m.title, dueOn: m.dueOn })))
    .execute();
}

export function listMilestones(db: Db, taskId: string) {
  return db
    .selectFrom('reformTaskMilestones')
    .select(['id', 'title', 'dueOn', 'doneOn'])
    .where('taskId', '=', taskId)
    .orderBy('dueOn')
    .orderBy('id')
    .execute();
}

export function findMilestone(db: Db, id: string) {
  return db.selectFrom('reformTaskMilestones').select(['id', 'taskId', 'title', 'doneOn']).where('id', '=', id).executeTakeFirst();
}

export async function setMilestoneDone(db: Db, id: string, doneOn: string) {
  await db.updateTable('reformTaskMilestones').set({ doneOn }).where('id', '=', id).execute();
}

export async function update(
  db: Db,
  id: string,
  values: { dueOn?: string; status?: string; ownProgress?: number; progress?: number; completedOn?: string | null; now: Date },
) {
  const { now, ...rest } = values;
  await db
    .updateTable('reformTasks')
    .set({ ...rest, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export function listCopies(db: Db, parentId: string) {
  return base(db).where('t.parentId', '=', parentId).orderBy('o.code').orderBy('t.id').execute();
}

/** Mean progress of a task's copies, or undefined without copies. */
export async function copiesProgress(db: Db, parentId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('reformTasks')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('progress').as('mean')])
    .where('parentId', '=', parentId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return row && Number(row.n) > 0 ? Math.round(Number(row.mean)) : undefined;
}

export function findCopyOrgs(db: Db, parentId: string, orgIds: string[]) {
  return db.selectFrom('reformTasks').select(['orgId']).where('parentId', '=', parentId).where('orgId', 'in', orgIds).execute();
}

/** The deepest division (county, prefecture, province) at or above an org path. */
export function nearestDivision(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean);
  return db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .where('kind', 'in', ['county', 'prefecture', 'province'])
    .orderBy('depth', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findOrgs(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path', 'isActive']).where('id', 'in', ids).execute();
}

export async function insertDeadlineChange(
  db: Db,
  values: { taskId: string; fromDate: string; toDate: string; reason: string; changedBy: string | null; changedAt: Date },
) {
  await db.insertInto('reformDeadlineChanges').values(values).execute();
}

export function listDeadlineChanges(db: Db, taskId: string) {
  return db
    .selectFrom('reformDeadlineChanges as d')
    .leftJoin('users as u', 'u.id', 'd.changedBy')
    .select(['d.id', 'd.fromDate', 'd.toDate', 'd.reason', 'u.displayName as changedBy', 'd.changedAt'])
    .where('d.taskId', '=', taskId)
    .orderBy('d.seq')
    .execute();
}

// ——— Reports ———

const REPORT_COLUMNS = [
  'r.id',
  'r.taskId',
  'r.period',
  'r.dueOn',
  'r.text',
  'r.percent',
  'r.status',
  'r.firstSubmittedAt',
  'r.submittedAt',
  'r.submissions',
  'r.returnReason',
  'u.displayName as submittedBy',
] as const;

export function listReports(db: Db, taskId: string) {
  return db
    .selectFrom('reformReports as r')
    .leftJoin('users as u', 'u.id', 'r.submittedBy')
    .select(REPORT_COLUMNS)
    .where('r.taskId', '=', taskId)
    .orderBy('r.period', 'desc')
    .orderBy('r.id')
    .execute();
}

export function findReport(db: Db, id: string) {
  return db
    .selectFrom('reformReports as r')
    .leftJoin('users as u', 'u.id', 'r.submittedBy')
    .select(REPORT_COLUMNS)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function findReportByPeriod(db: Db, taskId: string, period: string) {
  return db
    .selectFrom('reformReports as r')
    .leftJoin('users as u', 'u.id', 'r.submittedBy')
    .select(REPORT_COLUMNS)
    .where('r.taskId', '=', taskId)
    .where('r.period', '=', period)
    .executeTakeFirst();
}

export function insertReport(
  db: Db,
  values: { taskId: string; period: string; dueOn: string; text: string; percent: number; submittedBy: string | null; at: Date },
) {
  const { at, ...rest } = values;
  return db
    .insertInto('reformReports')
    .values({ ...rest, status: 'submitted', firstSubmittedAt: at, submittedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function resubmitReport(db: Db, id: string, values: { text: string; percent: number; submittedBy: string | null; at: Date }) {
  await db
    .updateTable('reformReports')
    .set((eb) => ({
      text: values.text,
      percent: values.percent,
      submittedBy: values.submittedBy,
      submittedAt: values.at,
      status: 'submitted',
      submissions: eb('submissions', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function reviewReport(
  db: Db,
  id: string,
  values: { decision: 'accept' | 'return'; reason: string | null; reviewedBy: string | null; at: Date },
) {
  await db
    .updateTable('reformReports')
    .set({
      status: values.decision === 'accept' ? 'accepted' : 'returned',
      returnReason: values.decision === 'return' ? values.reason : null,
      reviewedAt: values.at,
      reviewedBy: values.reviewedBy,
    })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('reformReportReviews')
    .values({ reportId: id, decision: values.decision, reason: values.reason, reviewedBy: values.reviewedBy, reviewedAt: values.at })
    .execute();
}

export function listReviews(db: Db, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reformReportReviews as v')
    .leftJoin('users as u', 'u.id', 'v.reviewedBy')
    .select(['v.reportId', 'v.decision', 'v.reason', 'u.displayName as reviewedBy', 'v.reviewedAt'])
    .where('v.reportId', 'in', reportIds)
    .orderBy('v.seq')
    .execute();
}

/** The percent of the latest accepted period's report: the unit's own progress. */
export async function latestAcceptedPercent(db: Db, taskId: string): Promise<number> {
  const row = await db
    .selectFrom('reformReports')
    .select('percent')
    .where('taskId', '=', taskId)
    .where('status', '=', 'accepted')
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.percent ?? 0;
}

/**
 * Reporting periods of open tasks, generated in SQL (one row per task and period), with any report
 * filed for them: what the inbox, the supervision sweep and the scorecards work from.
 */
export function periodRows(scopeSql: Expression<SqlBool>, opts: { dueBefore?: string; status?: 'open' | 'any' } = {}) {
  const dueBefore = opts.dueBefore ?? '9999-12-31';
  const openOnly = opts.status !== 'any';
  return sql<{
    taskId: string;
    period: string;
    periodStart: string;
    periodDue: string;
    reportId: string | null;
    reportStatus: string | null;
    firstSubmittedAt: Date | null;
    returnReason: string | null;
  }>`
    select t.id as "taskId", p.period, to_char(p.period_start, 'YYYY-MM-DD') as "periodStart", p.period_due as "periodDue", r.id as "reportId", r.status as "reportStatus",
      r.first_submitted_at as "firstSubmittedAt", r.return_reason as "returnReason"
    from reform_tasks t
      join orgs o on o.id = t.org_id
      join orgs io on io.id = t.issuer_org_id
      cross join lateral (
        select
          case when t.report_cycle = 'monthly' then to_char(g, 'YYYY-MM') else to_char(g, 'YYYY') || '-Q' || to_char(g, 'Q') end as period,
          greatest(g::date, t.starts_on) as period_start,
          least((g + case when t.report_cycle = 'monthly' then interval '1 month' else interval '3 months' end - interval '1 day')::date, t.due_on) as period_due
        from generate_series(
          date_trunc(case when t.report_cycle = 'monthly' then 'month' else 'quarter' end, t.starts_on::timestamp),
          t.due_on::timestamp,
          case when t.report_cycle = 'monthly' then interval '1 month' else interval '3 months' end) as g
      ) p
      left join reform_reports r on r.task_id = t.id and r.period = p.period
    where ${scopeSql} and p.period_due <= ${dueBefore}::date ${openOnly ? sql`and t.status = 'in_progress'` : sql``}`;
}
