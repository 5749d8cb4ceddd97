import { PassThrough, type Readable } from 'node:stream';
import { type Locale, REFORM_AREAS, type ReformArea, type YearSummary } from '@changai/contracts';
import { PROVINCE_TIME_ZONE, provinceDate } from '@changai/domain';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import { hasPermission, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import ExcelJS from '../../platform/exceljs.js';
import * as workersService from '../workers/workers.service.js';
import * as meetingsService from './meetings.service.js';
import * as policiesService from './policies.service.js';
import * as tasks from './tasks.repository.js';

const AREA_NAMES: Record<ReformArea, Record<Locale, string>> = {
  ideology: { 'zh-CN': '思想政治引领', 'en-US': 'Ideological guidance' },
  skills: { 'zh-CN': '技能形成体系', 'en-US': 'Skill formation' },
  channels: { 'zh-CN': '发展通道贯通', 'en-US': 'Connected career channels' },
  recognition: { 'zh-CN': '评价激励', 'en-US': 'Recognition and incentives' },
  competitions: { 'zh-CN': '竞赛与创新', 'en-US': 'Competitions and innovation' },
  rights: { 'zh-CN': '权益与服务', 'en-US': 'Rights and services' },
  support: { 'zh-CN': '组织保障', 'en-US': 'Organisation and support' },
};

const pct = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
const wan = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(1)}万` : String(n));

/** The year's account of the reform within the actor's scope, in the bulletin's words. */
export async function yearSummary(ctx: Ctx, year: number, locale: Locale): Promise<YearSummary> {
  const scope = scopeFor(ctx.actor, 'tasks:read');
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const asOf = provinceDate(ctx.now()) < to ? provinceDate(ctx.now()) : to;
  const inScope = tasks.taskInScope(scope);
  const [policyFigures, taskStats, areaStats, reportStats, meetings, supervision] = await Promise.all([
    policiesService.yearFigures(ctx, year),
    ctx.db
      .selectFrom('reformTasks as t')
      .innerJoin('orgs as o', 'o.id', 't.orgId')
      .innerJoin('orgs as io', 'io.id', 't.issuerOrgId')
      .select([
        (eb) => eb.fn.countAll<number>().as('due'),
        sql<number>`count(*) filter (where t.status = 'completed')`.as('completed'),
        sql<number>`count(*) filter (where t.status = 'completed' and t.completed_on <= t.due_on)`.as('completedOnTime'),
        sql<number>`count(*) filter (where t.status = 'in_progress')`.as('inProgress'),
        sql<number>`count(*) filter (where t.status = 'in_progress' and t.due_on < ${asOf}::date)`.as('overdue'),
      ])
      .where(inScope)
      .where('t.parentId', 'is', null)
      .where('t.status', '!=', 'cancelled')
      .where('t.dueOn', '>=', from)
      .where('t.dueOn', '<=', to)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('reformTasks as t')
      .innerJoin('orgs as o', 'o.id', 't.orgId')
      .innerJoin('orgs as io', 'io.id', 't.issuerOrgId')
      .select([
        't.area',
        (eb) => eb.fn.countAll<number>().as('tasks'),
        sql<number>`count(*) filter (where t.status = 'completed')`.as('completed'),
      ])
      .where(inScope)
      .where('t.parentId', 'is', null)
      .where('t.status', '!=', 'cancelled')
      .where('t.dueOn', '>=', from)
      .where('t.dueOn', '<=', to)
      .groupBy('t.area')
      .execute(),
    sql<{ due: number; onTime: number }>`
      select count(*) as due,
        count(*) filter (where p."firstSubmittedAt" is not null and (p."firstSubmittedAt" at time zone ${PROVINCE_TIME_ZONE})::date <= p."periodDue") as "onTime"
      from (${tasks.periodRows(inScope, { dueBefore: asOf, status: 'any' })}) p join reform_tasks t on t.id = p."taskId"
      where p."periodDue" >= ${from}::date and p."periodDue" < ${asOf}::date and t.status <> 'cancelled'
        and (t.status = 'in_progress' or p."reportId" is not null)`.execute(ctx.db),
    hasPermission(ctx.actor, 'meetings:read')
      ? meetingsService.list(ctx, { year, limit: 50, offset: 0, involving: scope })
      : Promise.resolve({ items: [], total: 0 }),
    ctx.db
      .selectFrom('supervisionNotices as n')
      .innerJoin('reformTasks as t', 't.id', 'n.taskId')
      .innerJoin('orgs as o', 'o.id', 't.orgId')
      .innerJoin('orgs as io', 'io.id', 't.issuerOrgId')
      .select([
        sql<number>`count(*) filter (where n.kind = 'notice')`.as('notices'),
        sql<number>`count(*) filter (where n.kind = 'escalation')`.as('escalations'),
      ])
      .where(inScope)
      .where('n.dueOn', '>=', from)
      .where('n.dueOn', '<=', to)
      .executeTakeFirst(),
  ]);
  // Registry figures are province-wide: only for those who read the whole registry.
  let figures: YearSummary['figures'] = null;
  if (hasPermission(ctx.actor, 'workers:read') && scopeFor(ctx.actor, 'workers:read').kind === 'all') {
    const f = await workersService.skillFigures(ctx, to);
    figures = { asOf: to, ...f, highSkilledShare: f.skilled > 0 ? f.highSkilled / f.skilled : null };
  }
  const t = {
    due: Number(taskStats?.due ?? 0),
    completed: Number(taskStats?.completed ?? 0),
    completedOnTime: Number(taskStats?.completedOnTime ?? 0),
    inProgress: Number(taskStats?.inProgress ?? 0),
    overdue: Number(taskStats?.overdue ?? 0),
  };
  const reportsDue = Number(reportStats.rows[0]?.due ?? 0);
  const reportsOnTime = Number(reportStats.rows[0]?.onTime ?? 0);
  const onTimeRate = reportsDue > 0 ? reportsOnTime / reportsDue : null;
  const byArea = REFORM_AREAS.map((area) => {
    const row = areaStats.find((a) => a.area === area);
    return { area, tasks: Number(row?.tasks ?? 0), completed: Number(row?.completed ?? 0) };
  });
  const summary: Omit<YearSummary, 'paragraph'> = {
    year,
    policies: { total: policyFigures.total, issued: policyFigures.issued.length, titles: policyFigures.issued },
    tasks: { ...t, byArea },
    reports: { due: reportsDue, onTime: reportsOnTime, onTimeRate },
    meetings: meetings.items,
    supervision: { notices: Number(supervision?.notices ?? 0), escalations: Number(supervision?.escalations ?? 0) },
    figures,
  };
  return { ...summary, paragraph: paragraph(summary, locale) };
}

function paragraph(s: Omit<YearSummary, 'paragraph'>, locale: Locale): string {
  const examples = s.policies.titles.slice(0, 3).map((p) => (locale === 'zh-CN' ? `《${p.title}》` : `“${p.title}”`));
  if (locale === 'en-US') {
    const parts = [
      `In ${s.year} the province had ${s.policies.total} supporting policies in all, ${s.policies.issued} of them issued this year${examples.length ? ` (among them ${examples.join(', ')})` : ''}.`,
      `Of ${s.tasks.due} reform tasks due this year, ${s.tasks.completed} were completed (${s.tasks.completedOnTime} on time) and ${s.tasks.inProgress} are in progress, ${s.tasks.overdue} of them overdue.`,
      `${s.reports.onTime} of ${s.reports.due} progress reports came in on time (${pct(s.reports.onTimeRate)}); ${s.supervision.notices} supervision notices were issued and ${s.supervision.escalations} escalated.`,
    ];
    if (s.meetings.length) parts.push(`The leading group held ${s.meetings.length} meetings, among them “${s.meetings[0]?.title}”.`);
    if (s.figures) {
      parts.push(
        `As of ${s.figures.asOf} the registry counts ${s.figures.highSkilled.toLocaleString('en')} high-skilled workers, ${pct(s.figures.highSkilledShare)} of ${s.figures.skilled.toLocaleString('en')} skilled workers.`,
      );
    }
    return parts.join(' ');
  }
  const parts = [
    `${s.year}年，全省产业工人队伍建设改革配套政策累计${s.policies.total}个，其中当年出台${s.policies.issued}个${examples.length ? `（包括${examples.join('、')}等）` : ''}。`,
    `当年到期改革任务${s.tasks.due}项，已完成${s.tasks.completed}项（按期完成${s.tasks.completedOnTime}项），推进中${s.tasks.inProgress}项，其中逾期${s.tasks.overdue}项。`,
    `应报进展报告${s.reports.due}份，按时报送${s.reports.onTime}份，按时报送率${pct(s.reports.onTimeRate)}；发出督办通知${s.supervision.notices}次，升级督办${s.supervision.escalations}次。`,
  ];
  if (s.meetings.length) parts.push(`全年召开领导小组会议${s.meetings.length}次，包括“${s.meetings[0]?.title}”。`);
  if (s.figures) {
    parts.push(
      `截至${s.figures.asOf.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`)}，全省高技能人才总量达${wan(s.figures.highSkilled)}人，占技能劳动者的${pct(s.figures.highSkilledShare)}。`,
    );
  }
  return parts.join('');
}

/** The summary as a workbook: the paragraph, the figures, the year's policies and the areas. */
export async function yearSummaryXlsx(ctx: Ctx, year: number, locale: Locale): Promise<Readable> {
  const s = await yearSummary(ctx, year, locale);
  await ctx.db
    .transaction()
    .execute((trx) => audit(trx, ctx, { action: 'reform.summary_export', entityType: 'summary', entityId: String(year) }));
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(zh ? `${year}年度总结` : `${year} summary`);
  sheet.columns = [
    { header: zh ? '项目' : 'Item', key: 'item', width: 36 },
    { header: zh ? '数值' : 'Value', key: 'value', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  const rows: [string, string | number][] = [
    [zh ? '综述' : 'Summary', s.paragraph],
    [zh ? '配套政策累计' : 'Policies in all', s.policies.total],
    [zh ? '当年出台政策' : 'Policies issued this year', s.policies.issued],
    [zh ? '当年到期任务' : 'Tasks due this year', s.tasks.due],
    [zh ? '已完成任务' : 'Tasks completed', s.tasks.completed],
    [zh ? '按期完成任务' : 'Completed on time', s.tasks.completedOnTime],
    [zh ? '逾期任务' : 'Overdue tasks', s.tasks.overdue],
    [zh ? '应报进展报告' : 'Reports due', s.reports.due],
    [zh ? '按时报送' : 'Reports on time', s.reports.onTime],
    [zh ? '按时报送率' : 'On-time rate', pct(s.reports.onTimeRate)],
    [zh ? '督办通知' : 'Supervision notices', s.supervision.notices],
    [zh ? '升级督办' : 'Escalations', s.supervision.escalations],
  ];
  if (s.figures) {
    rows.push(
      [zh ? '技能劳动者' : 'Skilled workers', s.figures.skilled],
      [zh ? '高技能人才' : 'High-skilled workers', s.figures.highSkilled],
    );
  }
  for (const [item, value] of rows) sheet.addRow({ item, value });
  sheet.getCell('B2').alignment = { wrapText: true, vertical: 'top' };
  const policiesSheet = workbook.addWorksheet(zh ? '当年出台政策' : 'Policies issued');
  policiesSheet.columns = [
    { header: zh ? '发布日期' : 'Issued on', key: 'issuedOn', width: 14 },
    { header: zh ? '文号' : 'Document number', key: 'docNumber', width: 26 },
    { header: zh ? '标题' : 'Title', key: 'title', width: 70 },
  ];
  policiesSheet.getRow(1).font = { bold: true };
  for (const p of s.policies.titles) policiesSheet.addRow({ issuedOn: p.issuedOn, docNumber: p.docNumber ?? '', title: p.title });
  const areasSheet = workbook.addWorksheet(zh ? '分领域任务' : 'Tasks by area');
  areasSheet.columns = [
    { header: zh ? '领域' : 'Area', key: 'area', width: 24 },
    { header: zh ? '任务' : 'Tasks', key: 'tasks', width: 10 },
    { header: zh ? '已完成' : 'Completed', key: 'completed', width: 10 },
  ];
  areasSheet.getRow(1).font = { bold: true };
  for (const a of s.tasks.byArea) areasSheet.addRow({ area: AREA_NAMES[a.area][locale], tasks: a.tasks, completed: a.completed });
  const out = new PassThrough();
  out.end(Buffer.from(await workbook.xlsx.writeBuffer()));
  return out;
}
