import type {
  CancelTaskSchema,
  ChangeDeadline,
  CreateTask,
  HandDown,
  Inbox,
  InboxItem,
  OrgKind,
  OrgRef,
  PeriodState,
  Permission,
  ReformArea,
  Report,
  ReportCycle,
  ReviewReport,
  SubmitReport,
  TaskDetail,
  TaskListQuery,
  TaskPage,
  TaskRef,
  TaskStatus,
  TaskSummary,
} from '@changai/contracts';
import { daysBetween, findPeriod, provinceDate, reportPeriods } from '@changai/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { audit } from '../../platform/audit.js';
import { hasPermission, isPathInScope, type Scope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as attachments from './attachments.service.js';
import * as policies from './policies.repository.js';
import * as tasks from './tasks.repository.js';

type TaskRow = NonNullable<Awaited<ReturnType<typeof tasks.findById>>>;
type CoUnitRow = Awaited<ReturnType<typeof tasks.listCoUnits>>[number];

const today = (ctx: Ctx) => provinceDate(ctx.now());

/** A task may run at most this long: its reporting periods are generated from its dates. */
const MAX_TASK_DAYS = 366 * 10;

export const orgRef = (id: string, code: string, name: string, kind: string): OrgRef => ({ id, code, name, kind: kind as OrgKind });

export const toRef = (row: TaskRow): TaskRef => ({
  id: row.id,
  title: row.title,
  org: orgRef(row.orgId, row.orgCode, row.orgName, row.orgKind),
  status: row.status as TaskStatus,
  dueOn: row.dueOn,
  progress: row.progress,
});

export function toSummary(row: TaskRow, coUnits: CoUnitRow[], asOf: string): TaskSummary {
  return {
    id: row.id,
    parentId: row.parentId,
    area: row.area as ReformArea,
    title: row.title,
    org: orgRef(row.orgId, row.orgCode, row.orgName, row.orgKind),
    issuerOrg: orgRef(row.issuerOrgId, row.issuerCode, row.issuerName, row.issuerKind),
    coUnits: coUnits.filter((c) => c.taskId === row.id).map((c) => orgRef(c.id, c.code, c.name, c.kind)),
    reportCycle: row.reportCycle as ReportCycle,
    startsOn: row.startsOn,
    dueOn: row.dueOn,
    status: row.status as TaskStatus,
    isOverdue: row.status === 'in_progress' && row.dueOn < asOf,
    ownProgress: row.ownProgress,
    progress: row.progress,
    completedOn: row.completedOn,
    copyCount: Number(row.copyCount ?? 0),
  };
}

// ——— Who may do what with a task ———

type TaskAction = 'read' | 'report' | 'review' | 'manage' | 'handDown';
const PERMISSION: Record<TaskAction, Permission> = {
  read: 'tasks:read',
  report: 'tasks:report',
  review: 'tasks:review',
  manage: 'tasks:manage',
  handDown: 'tasks:manage',
};

function isVisible(scope: Scope, row: TaskRow, coUnits: CoUnitRow[]) {
  return isPathInScope(scope, row.orgPath) || isPathInScope(scope, row.issuerPath) || coUnits.some((c) => isPathInScope(scope, c.path));
}

/**
 * The responsible unit reports and hands its copy further down; the issuing unit reviews reports,
 * changes the deadline and cancels.
 */
function may(ctx: Ctx, action: Exclude<TaskAction, 'read'>, row: TaskRow): boolean {
  if (!hasPermission(ctx.actor, PERMISSION[action])) return false;
  const scope = scopeFor(ctx.actor, PERMISSION[action]);
  return isPathInScope(scope, action === 'report' || action === 'handDown' ? row.orgPath : row.issuerPath);
}

async function loadTask(db: Db, ctx: Ctx, taskId: string, action: TaskAction) {
  const readScope = scopeFor(ctx.actor, 'tasks:read');
  const row = await tasks.findById(db, taskId);
  const coUnits = row ? await tasks.listCoUnits(db, [row.id]) : [];
  if (!row || !isVisible(readScope, row, coUnits)) throw new NotFoundError('task');
  if (action !== 'read') {
    scopeFor(ctx.actor, PERMISSION[action]);
    if (!may(ctx, action, row)) throw new ForbiddenError(action === 'report' ? 'task.not_responsible' : 'task.not_issuer');
  }
  return { row, coUnits };
}

// ——— Reading ———

export async function list(ctx: Ctx, query: TaskListQuery): Promise<TaskPage> {
  const scope = scopeFor(ctx.actor, 'tasks:read');
  const filter = {
    scope,
    today: today(ctx),
    q: query.q || undefined,
    area: query.area,
    status: query.status,
    orgId: query.orgId,
    year: query.year,
    overdue: query.overdue,
    topLevel: query.topLevel,
  };
  const [rows, total] = await Promise.all([
    tasks.list(ctx.db, { ...filter, limit: query.limit, offset: query.offset }),
    tasks.count(ctx.db, filter),
  ]);
  const coUnits = await tasks.listCoUnits(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toSummary(r, coUnits, filter.today)), total };
}

async function refsWhere(ctx: Ctx, filter: { policyId?: string; decisionIds?: string[] }) {
  const scope = scopeFor(ctx.actor, 'tasks:read');
  const rows = await tasks.list(ctx.db, { scope, today: today(ctx), ...filter, limit: 200, offset: 0 });
  return rows;
}

/** Tasks implementing a policy that the actor may see. */
export async function forPolicy(ctx: Ctx, policyId: string): Promise<TaskRef[]> {
  return (await refsWhere(ctx, { policyId })).map(toRef);
}

/** Tasks created from meeting decisions that the actor may see, with their decision. */
export async function forDecisions(ctx: Ctx, decisionIds: string[]) {
  return (await refsWhere(ctx, { decisionIds })).map((row) => ({ decisionId: row.decisionId as string, task: toRef(row) }));
}

async function reportsOf(db: Db, taskId: string): Promise<Report[]> {
  const rows = await tasks.listReports(db, taskId);
  const ids = rows.map((r) => r.id);
  const [reviews, files] = await Promise.all([tasks.listReviews(db, ids), policies.listAttachments(db, { reportIds: ids })]);
  return rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    period: r.period,
    dueOn: r.dueOn,
    text: r.text,
    percent: r.percent,
    status: r.status as Report['status'],
    isLate: provinceDate(r.firstSubmittedAt) > r.dueOn,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    submissions: r.submissions,
    returnReason: r.returnReason,
    attachments: files.filter((f) => f.reportId === r.id).map(attachments.toAttachment),
    reviews: reviews
      .filter((v) => v.reportId === r.id)
      .map((v) => ({ decision: v.decision as 'accept' | 'return', reason: v.reason, reviewedBy: v.reviewedBy, reviewedAt: v.reviewedAt })),
  }));
}

export async function get(ctx: Ctx, taskId: string, db: Db = ctx.db): Promise<TaskDetail> {
  const { row, coUnits } = await loadTask(db, ctx, taskId, 'read');
  const asOf = today(ctx);
  const readScope = scopeFor(ctx.actor, 'tasks:read');
  const [parent, copies, milestones, changes, reports, policy, decision] = await Promise.all([
    row.parentId ? tasks.findById(db, row.parentId) : Promise.resolve(undefined),
    tasks.listCopies(db, row.id),
    tasks.listMilestones(db, row.id),
    tasks.listDeadlineChanges(db, row.id),
    reportsOf(db, row.id),
    row.policyId ? policies.findRefs(db, [row.policyId]) : Promise.resolve([]),
    row.decisionId
      ? db
          .selectFrom('meetingDecisions as d')
          .innerJoin('meetings as m', 'm.id', 'd.meetingId')
          .select(['d.id', 'd.meetingId', 'm.title as meetingTitle', 'd.text'])
          .where('d.id', '=', row.decisionId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const periods = reportPeriods(row.reportCycle as ReportCycle, row.startsOn, row.dueOn).map((p) => {
    const report = reports.find((r) => r.period === p.period);
    let state: PeriodState;
    if (report) state = report.status;
    else if (p.dueOn < asOf) state = 'overdue';
    else if (p.startsOn <= asOf) state = 'due';
    else state = 'upcoming';
    return { period: p.period, dueOn: p.dueOn, state, reportId: report?.id ?? null };
  });
  const open = row.status === 'in_progress';
  return {
    ...toSummary(row, coUnits, asOf),
    description: row.description,
    policy: policy[0] ?? null,
    decision: decision ?? null,
    // The parent is shown only to those who may see it (a county sees its prefecture's copy, not the province's).
    parent: parent && (isPathInScope(readScope, parent.orgPath) || isPathInScope(readScope, parent.issuerPath)) ? toRef(parent) : null,
    copies: copies.map(toRef),
    milestones,
    deadlineChanges: changes,
    periods,
    reports,
    can: {
      manage: open && may(ctx, 'manage', row),
      report: open && may(ctx, 'report', row),
      review: may(ctx, 'review', row),
      handDown: open && may(ctx, 'handDown', row),
    },
  };
}

// ——— Writing ———

function checkDates(startsOn: string, dueOn: string, path = 'body.dueOn') {
  if (dueOn < startsOn) throw new RuleViolationError('task.due_before_start', {}, [{ path, message: 'date_range_order' }]);
  if (daysBetween(startsOn, dueOn) > MAX_TASK_DAYS) throw new RuleViolationError('task.too_long', {}, [{ path, message: 'task.too_long' }]);
}

/** Sets a task; the issuing unit is the actor's own (a system context names it). */
export async function create(ctx: Ctx, input: CreateTask, opts: { decisionId?: string; issuerOrgId?: string } = {}): Promise<TaskDetail> {
  scopeFor(ctx.actor, 'tasks:manage');
  checkDates(input.startsOn, input.dueOn);
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const org = await orgService.requireOrg(tctx, input.orgId, 'tasks:manage');
    const coUnitIds = [...new Set(input.coUnitIds)].filter((id) => id !== org.id);
    for (const id of coUnitIds) await orgService.requireOrg(tctx, id, 'tasks:manage');
    const issuerOrgId = ctx.actor.kind === 'user' ? ctx.actor.orgId : opts.issuerOrgId;
    if (!issuerOrgId) throw new Error('A task needs an issuing unit');
    if (input.policyId && !(await policies.findById(trx, input.policyId))) throw new NotFoundError('policy');
    const { id } = await tasks.insert(trx, {
      parentId: null,
      area: input.area,
      title: input.title,
      description: input.description,
      orgId: org.id,
      issuerOrgId,
      policyId: input.policyId ?? null,
      decisionId: opts.decisionId ?? null,
      reportCycle: input.reportCycle,
      startsOn: input.startsOn,
      dueOn: input.dueOn,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now(),
    });
    await tasks.insertCoUnits(trx, id, coUnitIds);
    await tasks.insertMilestones(trx, id, input.milestones);
    await audit(trx, ctx, {
      action: 'task.create',
      entityType: 'task',
      entityId: id,
      orgId: org.id,
      after: { ...input, decisionId: opts.decisionId },
    });
    return get(ctx, id, trx);
  });
}

/**
 * Hands a task down the org tree: each receiving unit (within the division the holding unit lies in,
 * and within the actor's scope) gets its own copy, issued by the holding unit.
 */
export async function handDown(ctx: Ctx, taskId: string, input: HandDown): Promise<TaskDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadTask(trx, ctx, taskId, 'handDown');
    if (row.status !== 'in_progress') throw new RuleViolationError('task.closed');
    const division = await tasks.nearestDivision(trx, row.orgPath);
    const orgIds = [...new Set(input.orgIds)];
    const targets = await tasks.findOrgs(trx, orgIds);
    const scope = scopeFor(ctx.actor, 'tasks:manage');
    for (const [i, id] of orgIds.entries()) {
      const target = targets.find((o) => o.id === id);
      if (!target || !isPathInScope(scope, target.path)) throw new NotFoundError('org');
      const isBelow = division !== undefined && target.path.startsWith(division.path) && target.path !== division.path;
      if (!isBelow || row.orgPath.startsWith(target.path) || !target.isActive) {
        throw new RuleViolationError('task.hand_down_target', { org: target.name }, [
          { path: `body.orgIds.${i}`, message: 'task.hand_down_target' },
        ]);
      }
    }
    const existing = await tasks.findCopyOrgs(trx, row.id, orgIds);
    if (existing.length > 0) {
      const name = targets.find((o) => o.id === existing[0]?.orgId)?.name ?? '';
      throw new ConflictError('task.already_handed_down', { org: name });
    }
    // A copy starts today (or with the task, if later): periods before it are not the receiving unit's.
    const startsOn = [row.startsOn, today(ctx)].sort()[1] as string;
    const dueOn = input.dueOn ?? row.dueOn;
    if (dueOn > row.dueOn)
      throw new RuleViolationError('task.copy_due_after_task', { dueOn: row.dueOn }, [
        { path: 'body.dueOn', message: 'task.copy_due_after_task' },
      ]);
    checkDates(startsOn, dueOn);
    for (const id of orgIds) {
      const copy = await tasks.insert(trx, {
        parentId: row.id,
        area: row.area,
        title: row.title,
        description: row.description,
        orgId: id,
        issuerOrgId: row.orgId,
        policyId: row.policyId,
        decisionId: null,
        reportCycle: row.reportCycle,
        startsOn,
        dueOn,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        now: ctx.now(),
      });
      await audit(trx, ctx, {
        action: 'task.hand_down',
        entityType: 'task',
        entityId: copy.id,
        orgId: id,
        after: { parentId: row.id, startsOn, dueOn },
      });
    }
    await rollUp(trx, ctx, row.id);
    return get(ctx, row.id, trx);
  });
}

/** Recomputes a task's progress from its own and its copies', then its ancestors'. */
async function rollUp(db: Db, ctx: Ctx, taskId: string) {
  let id: string | null = taskId;
  for (let depth = 0; id && depth < 10; depth++) {
    const row: TaskRow | undefined = await tasks.findById(db, id);
    if (!row) return;
    const fromCopies = await tasks.copiesProgress(db, row.id);
    const progress = fromCopies ?? row.ownProgress;
    if (progress !== row.progress) await tasks.update(db, row.id, { progress, now: ctx.now() });
    id = row.parentId;
  }
}

export async function changeDeadline(ctx: Ctx, taskId: string, input: ChangeDeadline): Promise<TaskDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadTask(trx, ctx, taskId, 'manage');
    if (row.status !== 'in_progress') throw new RuleViolationError('task.closed');
    if (input.dueOn === row.dueOn)
      throw new RuleViolationError('task.same_deadline', {}, [{ path: 'body.dueOn', message: 'task.same_deadline' }]);
    checkDates(row.startsOn, input.dueOn);
    await tasks.insertDeadlineChange(trx, {
      taskId,
      fromDate: row.dueOn,
      toDate: input.dueOn,
      reason: input.reason,
      changedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      changedAt: ctx.now(),
    });
    await tasks.update(trx, taskId, { dueOn: input.dueOn, now: ctx.now() });
    await audit(trx, ctx, {
      action: 'task.deadline',
      entityType: 'task',
      entityId: taskId,
      orgId: row.orgId,
      before: { dueOn: row.dueOn },
      after: { dueOn: input.dueOn, reason: input.reason },
    });
    return get(ctx, taskId, trx);
  });
}

export async function cancel(ctx: Ctx, taskId: string, input: z.infer<typeof CancelTaskSchema>): Promise<TaskDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadTask(trx, ctx, taskId, 'manage');
    if (row.status !== 'in_progress') throw new RuleViolationError('task.closed');
    await tasks.update(trx, taskId, { status: 'cancelled', now: ctx.now() });
    await audit(trx, ctx, {
      action: 'task.cancel',
      entityType: 'task',
      entityId: taskId,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: 'cancelled', reason: input.reason },
    });
    if (row.parentId) await rollUp(trx, ctx, row.parentId);
    return get(ctx, taskId, trx);
  });
}

export async function completeMilestone(ctx: Ctx, milestoneId: string): Promise<TaskDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    scopeFor(ctx.actor, 'tasks:report');
    const milestone = await tasks.findMilestone(trx, milestoneId);
    if (!milestone) throw new NotFoundError('milestone');
    const { row } = await loadTask(trx, ctx, milestone.taskId, 'read').catch(() => {
      throw new NotFoundError('milestone');
    });
    if (!may(ctx, 'report', row)) throw new ForbiddenError('task.not_responsible');
    if (milestone.doneOn) throw new ConflictError('task.milestone_done');
    await tasks.setMilestoneDone(trx, milestoneId, today(ctx));
    await audit(trx, ctx, {
      action: 'task.milestone_done',
      entityType: 'task',
      entityId: row.id,
      orgId: row.orgId,
      after: { milestone: milestone.title },
    });
    return get(ctx, row.id, trx);
  });
}

// ——— Reports ———

/** Files (or, once returned, corrects) the report of one period; the period must have begun. */
export async function submitReport(ctx: Ctx, taskId: string, input: SubmitReport): Promise<TaskDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadTask(trx, ctx, taskId, 'report');
    if (row.status !== 'in_progress') throw new RuleViolationError('task.closed');
    const period = findPeriod(row.reportCycle as ReportCycle, row.startsOn, row.dueOn, input.period);
    if (!period)
      throw new RuleViolationError('report.no_such_period', { period: input.period }, [
        { path: 'body.period', message: 'report.no_such_period' },
      ]);
    if (period.startsOn > today(ctx))
      throw new RuleViolationError('report.period_not_begun', { period: input.period }, [
        { path: 'body.period', message: 'report.period_not_begun' },
      ]);
    const existing = await tasks.findReportByPeriod(trx, taskId, input.period);
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    let reportId: string;
    if (existing) {
      if (existing.status !== 'returned')
        throw new ConflictError(existing.status === 'accepted' ? 'report.already_accepted' : 'report.awaiting_review');
      await tasks.resubmitReport(trx, existing.id, { text: input.text, percent: input.percent, submittedBy: by, at: ctx.now() });
      reportId = existing.id;
    } else {
      reportId = (
        await tasks.insertReport(trx, {
          taskId,
          period: input.period,
          dueOn: period.dueOn,
          text: input.text,
          percent: input.percent,
          submittedBy: by,
          at: ctx.now(),
        })
      ).id;
    }
    await attachments.attach(trx, ctx, input.attachmentIds, { reportId });
    await sql`update supervision_notices set resolved_at = ${ctx.now()} where task_id = ${taskId} and period = ${input.period} and resolved_at is null`.execute(
      trx,
    );
    await audit(trx, ctx, {
      action: existing ? 'report.resubmit' : 'report.submit',
      entityType: 'report',
      entityId: reportId,
      orgId: row.orgId,
      before: existing ? { text: existing.text, percent: existing.percent, returnReason: existing.returnReason } : undefined,
      after: { taskId, period: input.period, text: input.text, percent: input.percent, attachmentIds: input.attachmentIds },
    });
    return get(ctx, taskId, trx);
  });
}

/** The issuing unit accepts a report (its percent becomes the unit's progress; 100% completes the task) or returns it with a reason. */
export async function review(ctx: Ctx, reportId: string, input: ReviewReport): Promise<TaskDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    scopeFor(ctx.actor, 'tasks:review');
    const report = await tasks.findReport(trx, reportId);
    if (!report) throw new NotFoundError('report');
    const { row } = await loadTask(trx, ctx, report.taskId, 'read').catch(() => {
      throw new NotFoundError('report');
    });
    if (!may(ctx, 'review', row)) throw new ForbiddenError('task.not_issuer');
    if (report.status !== 'submitted') throw new ConflictError('report.not_awaiting_review');
    const reason = input.decision === 'return' ? (input.reason ?? '').trim() : input.reason?.trim() || null;
    await tasks.reviewReport(trx, reportId, {
      decision: input.decision,
      reason,
      reviewedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      at: ctx.now(),
    });
    if (input.decision === 'accept') {
      const ownProgress = await tasks.latestAcceptedPercent(trx, row.id);
      const completes = report.percent === 100 && row.status === 'in_progress';
      await tasks.update(trx, row.id, {
        ownProgress,
        ...(completes ? { status: 'completed', completedOn: today(ctx) } : {}),
        now: ctx.now(),
      });
      if (completes)
        await sql`update supervision_notices set resolved_at = ${ctx.now()} where task_id = ${row.id} and resolved_at is null`.execute(trx);
      await rollUp(trx, ctx, row.id);
    }
    await audit(trx, ctx, {
      action: input.decision === 'accept' ? 'report.accept' : 'report.return',
      entityType: 'report',
      entityId: reportId,
      orgId: row.orgId,
      before: { status: report.status },
      after: { status: input.decision === 'accept' ? 'accepted' : 'returned', reason },
    });
    return get(ctx, row.id, trx);
  });
}

export async function openReportAttachment(ctx: Ctx, attachmentId: string) {
  scopeFor(ctx.actor, 'tasks:read');
  return attachments.open(ctx.db, attachmentId, async (owner) => {
    if (!owner.reportId) return false;
    const report = await tasks.findReport(ctx.db, owner.reportId);
    if (!report) return false;
    return loadTask(ctx.db, ctx, report.taskId, 'read').then(
      () => true,
      () => false,
    );
  });
}

/**
 * A unit's inbox: reports its tasks owe (due soon, overdue, returned for correction) and reports on
 * the tasks it issued that wait for its review.
 */
export async function inbox(ctx: Ctx): Promise<Inbox> {
  scopeFor(ctx.actor, 'tasks:read');
  const empty: Inbox = { items: [], counts: { due: 0, overdue: 0, returned: 0, to_review: 0 } };
  if (ctx.actor.kind !== 'user') return empty;
  const orgId = ctx.actor.orgId;
  const asOf = today(ctx);
  const { rows } = await tasks.periodRows(sql<boolean>`t.org_id = ${orgId}`).execute(ctx.db);
  // Periods that have begun and still want a report (none filed, or returned for correction).
  const owed = rows.filter((r) => r.periodStart <= asOf && (r.reportId === null || r.reportStatus === 'returned'));
  const review = await ctx.db
    .selectFrom('reformReports as r')
    .innerJoin('reformTasks as t', 't.id', 'r.taskId')
    .select(['r.id', 'r.taskId', 'r.period', 'r.dueOn'])
    .where('t.issuerOrgId', '=', orgId)
    .where('r.status', '=', 'submitted')
    .orderBy('r.submittedAt')
    .orderBy('r.id')
    .limit(200)
    .execute();
  const taskIds = [...new Set([...owed.map((r) => r.taskId), ...review.map((r) => r.taskId)])];
  // Tasks of the actor's own unit or issued by it: within any scope that reaches the unit.
  const taskRows = taskIds.length
    ? await tasks.list(ctx.db, { scope: { kind: 'all' }, today: asOf, ids: taskIds, limit: 1000, offset: 0 })
    : [];
  const refOf = new Map(taskRows.map((t) => [t.id, toRef(t)]));
  const items: InboxItem[] = [];
  for (const r of owed) {
    const task = refOf.get(r.taskId);
    if (!task) continue;
    const kind = r.reportStatus === 'returned' ? 'returned' : r.periodDue < asOf ? 'overdue' : 'due';
    items.push({ kind, task, period: r.period, dueOn: r.periodDue, reportId: r.reportId, returnReason: r.returnReason });
  }
  for (const r of review) {
    const task = refOf.get(r.taskId);
    if (task) items.push({ kind: 'to_review', task, period: r.period, dueOn: r.dueOn, reportId: r.id, returnReason: null });
  }
  const order = { returned: 0, overdue: 1, to_review: 2, due: 3 } as const;
  items.sort((a, b) => order[a.kind] - order[b.kind] || a.dueOn.localeCompare(b.dueOn) || a.task.id.localeCompare(b.task.id));
  const count = (k: InboxItem['kind']) => items.filter((i) => i.kind === k).length;
  return { items, counts: { due: count('due'), overdue: count('overdue'), returned: count('returned'), to_review: count('to_review') } };
}
