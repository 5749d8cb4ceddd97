import {
  type Notice,
  type NoticeKind,
  type Scorecard,
  SUPERVISION_RULES,
  type SupervisionBoard,
  type SweepResult,
} from '@changai/contracts';
import { addDays, daysBetween, PROVINCE_TIME_ZONE, provinceDate } from '@changai/domain';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import { scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import { ForbiddenError } from '../../platform/errors.js';
import * as tasks from './tasks.repository.js';
import { orgRef, toSummary } from './tasks.service.js';

export const SWEEP_JOB = 'reform.supervision_sweep';
/** How often an instance queues the sweep; one instance wins each round (see JobRunner recurring). */
export const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Detects what is late and writes it down, set-based and idempotent (one notice per task, period
 * and kind), so any instance may run it any number of times: reminders before a report is due,
 * 督办 notices once it is overdue, escalation to the issuing unit when a notice stays open.
 */
export async function sweep(ctx: Ctx): Promise<SweepResult> {
  if (scopeFor(ctx.actor, 'tasks:manage').kind !== 'all') throw new ForbiddenError('supervision.province_only');
  const now = ctx.now();
  const asOf = provinceDate(now);
  const remindFrom = addDays(asOf, SUPERVISION_RULES.remindDaysBefore);
  const escalateBefore = new Date(now.getTime() - SUPERVISION_RULES.escalateAfterDays * 86_400_000);
  return ctx.db.transaction().execute(async (trx) => {
    const periods = tasks.periodRows(sql<boolean>`true`, { dueBefore: remindFrom });
    const outstanding = sql`(select * from (${periods}) pr where pr."reportId" is null)`;
    const reminders = await sql`
      insert into supervision_notices (task_id, period, kind, org_id, due_on, created_at)
      select p."taskId", p.period, 'reminder', t.org_id, p."periodDue", ${now}
      from ${outstanding} p join reform_tasks t on t.id = p."taskId"
      where p."periodDue" >= ${asOf}::date
      on conflict (task_id, period, kind) do nothing`.execute(trx);
    const notices = await sql`
      insert into supervision_notices (task_id, period, kind, org_id, due_on, created_at)
      select p."taskId", p.period, 'notice', t.org_id, p."periodDue", ${now}
      from ${outstanding} p join reform_tasks t on t.id = p."taskId"
      where p."periodDue" < ${asOf}::date
      on conflict (task_id, period, kind) do nothing`.execute(trx);
    const escalations = await sql`
      insert into supervision_notices (task_id, period, kind, org_id, due_on, created_at)
      select n.task_id, n.period, 'escalation', t.issuer_org_id, n.due_on, ${now}
      from supervision_notices n join reform_tasks t on t.id = n.task_id
      where n.kind = 'notice' and n.resolved_at is null and n.created_at <= ${escalateBefore} and t.status = 'in_progress'
      on conflict (task_id, period, kind) do nothing`.execute(trx);
    // A report filed (or a task closed) settles what was raised about it.
    const resolved = await sql`
      update supervision_notices n set resolved_at = ${now}
      where n.resolved_at is null and (
        exists (select 1 from reform_reports r where r.task_id = n.task_id and r.period = n.period and r.status in ('submitted', 'accepted'))
        or exists (select 1 from reform_tasks t where t.id = n.task_id and t.status <> 'in_progress'))`.execute(trx);
    const result = {
      reminders: Number(reminders.numAffectedRows ?? 0),
      notices: Number(notices.numAffectedRows ?? 0),
      escalations: Number(escalations.numAffectedRows ?? 0),
      resolved: Number(resolved.numAffectedRows ?? 0),
    };
    if (result.reminders + result.notices + result.escalations + result.resolved > 0) {
      await audit(trx, ctx, { action: 'supervision.sweep', entityType: 'supervision', after: { asOf, ...result } });
    }
    return result;
  });
}

/** The supervision board: overdue tasks and reports, open notices, and each unit's scorecard, within the actor's scope. */
export async function board(ctx: Ctx): Promise<SupervisionBoard> {
  const scope = scopeFor(ctx.actor, 'tasks:read');
  const asOf = provinceDate(ctx.now());
  const inScope = tasks.taskInScope(scope);
  const [overdueRows, notices, periodStats, taskStats] = await Promise.all([
    tasks.list(ctx.db, { scope, today: asOf, overdue: true, limit: 200, offset: 0 }),
    ctx.db
      .selectFrom('supervisionNotices as n')
      .innerJoin('reformTasks as t', 't.id', 'n.taskId')
      .innerJoin('orgs as o', 'o.id', 't.orgId')
      .innerJoin('orgs as io', 'io.id', 't.issuerOrgId')
      .innerJoin('orgs as no', 'no.id', 'n.orgId')
      .select([
        'n.id',
        'n.kind',
        'n.period',
        'n.dueOn',
        'n.createdAt',
        'n.resolvedAt',
        't.id as taskId',
        't.title',
        't.status',
        't.dueOn as taskDueOn',
        't.progress',
        'o.id as orgId',
        'o.code as orgCode',
        'o.name as orgName',
        'o.kind as orgKind',
        'no.id as noticeOrgId',
        'no.code as noticeOrgCode',
        'no.name as noticeOrgName',
        'no.kind as noticeOrgKind',
      ])
      .where('n.resolvedAt', 'is', null)
      .where(inScope)
      .orderBy('n.dueOn')
      .orderBy('n.id')
      .limit(300)
      .execute(),
    sql<{ orgId: string; due: number; onTime: number; overdue: number }>`
      select t.org_id as "orgId",
        count(*) filter (where p."periodDue" < ${asOf}::date and (t.status = 'in_progress' or p."reportId" is not null)) as due,
        count(*) filter (where p."periodDue" < ${asOf}::date and p."firstSubmittedAt" is not null
          and (p."firstSubmittedAt" at time zone ${PROVINCE_TIME_ZONE})::date <= p."periodDue") as "onTime",
        count(*) filter (where p."periodDue" < ${asOf}::date and p."reportId" is null and t.status = 'in_progress') as overdue
      from (${tasks.periodRows(inScope, { dueBefore: asOf, status: 'any' })}) p join reform_tasks t on t.id = p."taskId"
      where t.status <> 'cancelled'
      group by t.org_id`.execute(ctx.db),
    ctx.db
      .selectFrom('reformTasks as t')
      .innerJoin('orgs as o', 'o.id', 't.orgId')
      .innerJoin('orgs as io', 'io.id', 't.issuerOrgId')
      .select([
        't.orgId',
        'o.code',
        'o.name',
        'o.kind',
        (eb) => eb.fn.countAll<number>().as('tasks'),
        sql<number>`count(*) filter (where t.status = 'completed')`.as('completed'),
        sql<number>`count(*) filter (where t.status = 'in_progress' and t.due_on < ${asOf}::date)`.as('overdueTasks'),
      ])
      .where(inScope)
      .where('t.status', '!=', 'cancelled')
      .groupBy(['t.orgId', 'o.code', 'o.name', 'o.kind'])
      .orderBy('o.code')
      .execute(),
  ]);
  const coUnits = await tasks.listCoUnits(
    ctx.db,
    overdueRows.map((r) => r.id),
  );
  const noticeItems: Notice[] = notices.map((n) => ({
    id: n.id,
    kind: n.kind as NoticeKind,
    task: {
      id: n.taskId,
      title: n.title,
      org: orgRef(n.orgId, n.orgCode, n.orgName, n.orgKind),
      status: n.status as Notice['task']['status'],
      dueOn: n.taskDueOn,
      progress: n.progress,
    },
    period: n.period,
    org: orgRef(n.noticeOrgId, n.noticeOrgCode, n.noticeOrgName, n.noticeOrgKind),
    dueOn: n.dueOn,
    daysOverdue: Math.max(0, daysBetween(n.dueOn, asOf)),
    createdAt: n.createdAt,
    resolvedAt: n.resolvedAt,
  }));
  const scorecards: Scorecard[] = taskStats.map((s) => {
    const p = periodStats.rows.find((r) => r.orgId === s.orgId);
    const due = Number(p?.due ?? 0);
    const onTime = Number(p?.onTime ?? 0);
    const total = Number(s.tasks);
    return {
      org: orgRef(s.orgId, s.code, s.name, s.kind),
      tasks: total,
      completed: Number(s.completed),
      overdueTasks: Number(s.overdueTasks),
      reportsDue: due,
      reportsOnTime: onTime,
      onTimeRate: due > 0 ? onTime / due : null,
      completionRate: total > 0 ? Number(s.completed) / total : null,
    };
  });
  // Units with the most to catch up on first.
  scorecards.sort((a, b) => (a.onTimeRate ?? 1) - (b.onTimeRate ?? 1) || a.org.code.localeCompare(b.org.code));
  const count = (k: NoticeKind) => noticeItems.filter((n) => n.kind === k).length;
  return {
    asOf,
    counts: {
      overdueTasks: overdueRows.length,
      overdueReports: periodStats.rows.reduce((sum, r) => sum + Number(r.overdue), 0),
      reminders: count('reminder'),
      notices: count('notice'),
      escalations: count('escalation'),
    },
    overdueTasks: overdueRows.map((r) => toSummary(r, coUnits, asOf)),
    notices: noticeItems,
    scorecards,
  };
}
