import type { CreateTask, MeetingDetail, MeetingKind, MeetingSummary, SaveMeeting, TaskDetail } from '@changai/contracts';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import { hasPermission, type Scope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as tasksService from './tasks.service.js';
import { orgRef } from './tasks.service.js';

function summaries(db: Db) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.hostOrgId')
    .select([
      'm.id',
      'm.title',
      'm.kind',
      'm.heldOn',
      'm.location',
      'm.minutes',
      'o.id as hostId',
      'o.code as hostCode',
      'o.name as hostName',
      'o.kind as hostKind',
      (eb) =>
        eb
          .selectFrom('meetingAttendees as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.meetingId', '=', 'm.id')
          .as('attendeeCount'),
      (eb) =>
        eb
          .selectFrom('meetingDecisions as d')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('d.meetingId', '=', 'm.id')
          .as('decisionCount'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

const toSummary = (r: Row): MeetingSummary => ({
  id: r.id,
  title: r.title,
  kind: r.kind as MeetingKind,
  heldOn: r.heldOn,
  location: r.location,
  hostOrg: orgRef(r.hostId, r.hostCode, r.hostName, r.hostKind),
  attendeeCount: Number(r.attendeeCount ?? 0),
  decisionCount: Number(r.decisionCount ?? 0),
});

/** Meetings a scope took part in: hosted or attended by a unit within it. */
function involving(scope: Scope) {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'self') return sql<boolean>`false`;
  const like = `${scope.path}%`;
  return sql<boolean>`(o.path like ${like} or exists (
    select 1 from meeting_attendees a join orgs ao on ao.id = a.org_id where a.meeting_id = m.id and ao.path like ${like}))`;
}

export async function list(ctx: Ctx, query: { year?: number; limit: number; offset: number; involving?: Scope }) {
  scopeFor(ctx.actor, 'meetings:read');
  const filtered = summaries(ctx.db)
    .$if(query.year !== undefined, (q) => q.where('m.heldOn', '>=', `${query.year}-01-01`).where('m.heldOn', '<=', `${query.year}-12-31`))
    .$if(query.involving !== undefined, (q) => q.where(involving(query.involving as Scope)));
  const [rows, total] = await Promise.all([
    filtered.orderBy('m.heldOn', 'desc').orderBy('m.id').limit(query.limit).offset(query.offset).execute(),
    ctx.db
      .selectFrom(filtered.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { items: rows.map(toSummary), total: Number(total?.n ?? 0) };
}

export async function get(ctx: Ctx, meetingId: string, db: Db = ctx.db): Promise<MeetingDetail> {
  scopeFor(ctx.actor, 'meetings:read');
  const row = await summaries(db).where('m.id', '=', meetingId).executeTakeFirst();
  if (!row) throw new NotFoundError('meeting');
  const [attendees, decisions] = await Promise.all([
    db
      .selectFrom('meetingAttendees as a')
      .innerJoin('orgs as o', 'o.id', 'a.orgId')
      .select(['o.id', 'o.code', 'o.name', 'o.kind'])
      .where('a.meetingId', '=', meetingId)
      .orderBy('o.code')
      .execute(),
    db.selectFrom('meetingDecisions').select(['id', 'seq', 'text']).where('meetingId', '=', meetingId).orderBy('seq').execute(),
  ]);
  const linked = hasPermission(ctx.actor, 'tasks:read')
    ? await tasksService.forDecisions(
        { ...ctx, db },
        decisions.map((d) => d.id),
      )
    : [];
  return {
    ...toSummary(row),
    minutes: row.minutes,
    attendees: attendees.map((o) => orgRef(o.id, o.code, o.name, o.kind)),
    decisions: decisions.map((d) => ({ ...d, tasks: linked.filter((l) => l.decisionId === d.id).map((l) => l.task) })),
  };
}

export async function create(ctx: Ctx, input: SaveMeeting): Promise<MeetingDetail> {
  scopeFor(ctx.actor, 'meetings:manage');
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const host = await orgService.requireOrg(tctx, input.hostOrgId, 'meetings:manage');
    const attendees = [...new Set(input.attendeeOrgIds)];
    for (const id of attendees) await orgService.requireOrg(tctx, id, 'meetings:manage');
    const { id } = await trx
      .insertInto('meetings')
      .values({
        title: input.title,
        kind: input.kind,
        heldOn: input.heldOn,
        location: input.location || null,
        hostOrgId: host.id,
        minutes: input.minutes,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        createdAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (attendees.length)
      await trx
        .insertInto('meetingAttendees')
        .values(attendees.map((orgId) => ({ meetingId: id, orgId })))
        .execute();
    if (input.decisions.length) {
      await trx
        .insertInto('meetingDecisions')
        .values(input.decisions.map((text, i) => ({ meetingId: id, seq: i + 1, text })))
        .execute();
    }
    await audit(trx, ctx, { action: 'meeting.create', entityType: 'meeting', entityId: id, orgId: host.id, after: input });
    return get(ctx, id, trx);
  });
}

/** A task set to carry out a meeting decision; it links back to the decision. */
export async function createTask(ctx: Ctx, decisionId: string, input: CreateTask): Promise<TaskDetail> {
  scopeFor(ctx.actor, 'meetings:read');
  const decision = await ctx.db
    .selectFrom('meetingDecisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meetingId')
    .select(['d.id', 'd.text', 'm.hostOrgId'])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (!decision) throw new NotFoundError('decision');
  // A user issues it from their own unit; the system on behalf of the meeting's host.
  return tasksService.create(
    ctx,
    { ...input, description: input.description || decision.text },
    { decisionId, issuerOrgId: decision.hostOrgId },
  );
}
