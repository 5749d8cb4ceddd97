import type {
  ApplyCarrier,
  CarrierDetail,
  CarrierKind,
  CarrierLevel,
  CarrierListQuery,
  CarrierOverview,
  CarrierPage,
  CarrierStatus,
  CarrierSummary,
  DecideCarrierReview,
  FileCarrierReview,
  OrgKind,
  Permission,
  RecogniseCarrier,
  RevokeCarrier,
} from '@changai/contracts';
import { addDays, provinceDate } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { isPathInScope, pathInScope, type Scope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as carriers from './carriers.repository.js';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const userIdOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
export const inScopeOf = (scope: Scope) => (path: Parameters<typeof pathInScope>[1]) => pathInScope(scope, path);

/** The next annual review falls a year after recognition or the last decision. */
export const nextReviewAfter = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February → 28 February of the following year.
  return m === 2 && d === 29 ? `${y + 1}-02-28` : `${y + 1}-${date.slice(5)}`;
};

type Row = NonNullable<Awaited<ReturnType<typeof carriers.findById>>>;

const toSummary = (
  r: Omit<Row, 'description' | 'rejectionReason' | 'revokedOn' | 'revokedReason' | 'createdAt' | 'updatedAt'>,
): CarrierSummary => ({
  id: r.id,
  kind: r.kind as CarrierKind,
  level: r.level as CarrierLevel,
  studioType: (r.studioType as CarrierSummary['studioType']) ?? null,
  name: r.name,
  host: { id: r.hostOrgId, code: r.hostCode, name: r.hostName, kind: r.hostKind as OrgKind },
  regionCode: r.regionCode,
  leaderName: r.leaderName,
  industryDivisions: r.industryDivisions,
  occupationCodes: r.occupationCodes,
  status: r.status as CarrierStatus,
  appliedOn: r.appliedOn,
  recognisedOn: r.recognisedOn,
  documentNumber: r.documentNumber,
  nextReviewDue: r.nextReviewDue,
  reviewOverdueSince: r.reviewOverdueSince,
});

/** The carrier if its host lies in the actor's scope for the permission; otherwise it does not exist. */
export async function loadInScope(db: Db, ctx: Ctx, carrierId: string, permission: Permission) {
  const scope = scopeFor(ctx.actor, permission);
  const row = await carriers.findById(db, carrierId);
  if (!row || !isPathInScope(scope, row.hostPath)) throw new NotFoundError('carrier');
  return row;
}

export async function list(ctx: Ctx, query: CarrierListQuery): Promise<CarrierPage> {
  const scope = scopeFor(ctx.actor, 'skills:read');
  const orgPath = query.orgId ? (await orgService.requireOrg(ctx, query.orgId, 'skills:read')).path : undefined;
  const filter = {
    inScope: inScopeOf(scope),
    q: query.q || undefined,
    kind: query.kind,
    level: query.level,
    status: query.status,
    orgPath,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
  };
  const [rows, total] = await Promise.all([
    carriers.list(ctx.db, { ...filter, limit: query.limit, offset: query.offset }),
    carriers.count(ctx.db, filter),
  ]);
  return { items: rows.map(toSummary), total };
}

export async function get(ctx: Ctx, carrierId: string, db: Db = ctx.db): Promise<CarrierDetail> {
  const row = await loadInScope(db, ctx, carrierId, 'skills:read');
  const [members, reviews, related] = await Promise.all([
    carriers.listMembers(db, carrierId),
    carriers.listReviews(db, carrierId),
    carriers.countRelated(db, carrierId),
  ]);
  const leader = members.find((m) => m.id === row.leaderWorkerId);
  return {
    ...toSummary(row),
    description: row.description,
    leader: leader ? { id: leader.id, name: leader.name, orgName: leader.orgName } : null,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      orgName: m.orgName,
      role: m.role as 'leader' | 'member',
      joinedOn: m.joinedOn,
    })),
    reviews: reviews.map((r) => ({ ...r, benefitYuan: Number(r.benefitYuan), result: (r.result as 'passed' | 'failed' | null) ?? null })),
    rejectionReason: row.rejectionReason,
    revokedOn: row.revokedOn,
    revokedReason: row.revokedReason,
    ...related,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A host unit applies for recognition of one of its carriers. */
export async function apply(ctx: Ctx, input: ApplyCarrier): Promise<CarrierDetail> {
  scopeFor(ctx.actor, 'carriers:apply');
  return ctx.db.transaction().execute(async (trx) => {
    const t = { ...ctx, db: trx };
    const host = await orgService.requireOrg(t, input.hostOrgId, 'carriers:apply');
    const regionCode = await orgService.regionCodeOf(t, host.id);
    const leaderId = input.leaderWorkerId ?? null;
    const wanted = [...new Set([...(leaderId ? [leaderId] : []), ...input.memberWorkerIds])];
    // Masters, leaders and members come from the registry and work for the host (or a unit below it).
    const found = await carriers.workersUnder(trx, wanted, host.path);
    const missing = wanted.filter((id) => !found.some((w) => w.id === id));
    if (missing.length) {
      const fields = missing.map((id) => ({
        path: id === leaderId ? 'body.leaderWorkerId' : `body.memberWorkerIds.${input.memberWorkerIds.indexOf(id)}`,
        message: 'carrier.worker_not_at_host',
      }));
      throw new ValidationError(fields, 'carrier.worker_not_at_host');
    }
    const leader = found.find((w) => w.id === leaderId);
    const today = provinceDate(ctx.now());
    const values = {
      kind: input.kind,
      level: input.level,
      studioType: input.kind === 'innovation_studio' ? (input.studioType ?? null) : null,
      name: input.name,
      hostOrgId: host.id,
      regionCode,
      leaderName: leader?.name ?? input.leaderName ?? null,
      leaderWorkerId: leader?.id ?? null,
      industryDivisions: [...new Set(input.industryDivisions)],
      occupationCodes: [...new Set(input.occupationCodes)],
      description: input.description || null,
      appliedOn: today,
      appliedBy: userIdOf(ctx),
    };
    const { id } = await carriers.insert(trx, { ...values, now: ctx.now() });
    await carriers.insertMembers(
      trx,
      id,
      wanted.map((workerId) => ({ workerId, role: workerId === leaderId ? 'leader' : 'member' })),
      today,
    );
    await audit(trx, ctx, {
      action: 'carrier.apply',
      entityType: 'carrier',
      entityId: id,
      orgId: host.id,
      after: { ...values, members: wanted },
    });
    return get(t, id, trx);
  });
}

async function transition(
  ctx: Ctx,
  carrierId: string,
  permission: Permission,
  allowed: readonly CarrierStatus[],
  act: (trx: Db, row: Row) => Promise<{ action: string; after: Record<string, unknown> }>,
): Promise<CarrierDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, ctx, carrierId, permission);
    const locked = await carriers.lockById(trx, carrierId);
    if (!locked || locked.status !== row.status) throw new ConflictError('carrier.status_changed');
    if (!allowed.includes(row.status as CarrierStatus)) throw new RuleViolationError('carrier.illegal_transition', { from: row.status });
    const { action, after } = await act(trx, row);
    await audit(trx, ctx, {
      action,
      entityType: 'carrier',
      entityId: carrierId,
      orgId: row.hostOrgId,
      before: { status: row.status },
      after,
    });
    return get({ ...ctx, db: trx }, carrierId, trx);
  });
}

/** The regional or provincial office recognises the carrier with its document number, or rejects it. */
export function recognise(ctx: Ctx, carrierId: string, input: RecogniseCarrier) {
  return transition(ctx, carrierId, 'carriers:review', ['applied'], async (trx, row) => {
    if (!input.approve) {
      await carriers.update(trx, carrierId, { status: 'rejected', rejectionReason: input.reason }, ctx.now());
      return { action: 'carrier.reject', after: { status: 'rejected', reason: input.reason } };
    }
    if (input.recognisedOn > provinceDate(ctx.now())) {
      throw new ValidationError([{ path: 'body.recognisedOn', message: 'date_in_future' }]);
    }
    if (await carriers.findByDocument(trx, row.kind, input.documentNumber, row.name)) {
      throw new ConflictError('carrier.document_taken', { documentNumber: input.documentNumber });
    }
    const values = {
      status: 'recognised',
      recognisedOn: input.recognisedOn,
      documentNumber: input.documentNumber,
      recognisedBy: userIdOf(ctx),
      nextReviewDue: nextReviewAfter(input.recognisedOn),
      reviewOverdueSince: null,
    };
    await carriers.update(trx, carrierId, values, ctx.now());
    return { action: 'carrier.recognise', after: values };
  });
}

/** The host files the year's outputs for its annual review (again, until the office decides). */
export function fileReview(ctx: Ctx, carrierId: string, input: FileCarrierReview) {
  return transition(ctx, carrierId, 'carriers:apply', ['recognised', 'review_passed', 'review_failed'], async (trx) => {
    const existing = await carriers.findReview(trx, carrierId, input.year);
    if (existing?.result) throw new ConflictError('carrier.review_decided', { year: input.year });
    const values = {
      carrierId,
      year: input.year,
      peopleTrained: input.peopleTrained,
      certificatesGained: input.certificatesGained,
      innovations: input.innovations,
      benefitYuan: input.benefitYuan,
      summary: input.summary || null,
    };
    await carriers.upsertReview(trx, { ...values, filedBy: userIdOf(ctx), filedAt: ctx.now() });
    return { action: 'carrier.file_review', after: values };
  });
}

/** The office decides a filed annual review; the carrier's next review falls due a year later. */
export function decideReview(ctx: Ctx, carrierId: string, input: DecideCarrierReview) {
  return transition(ctx, carrierId, 'carriers:review', ['recognised', 'review_passed', 'review_failed'], async (trx) => {
    const review = await carriers.findReview(trx, carrierId, input.year);
    if (!review) throw new RuleViolationError('carrier.review_not_filed', { year: input.year });
    if (review.result) throw new ConflictError('carrier.review_decided', { year: input.year });
    await carriers.decideReview(trx, review.id, {
      result: input.result,
      comment: input.comment || null,
      decidedBy: userIdOf(ctx),
      decidedAt: ctx.now(),
    });
    const values = {
      status: input.result === 'passed' ? 'review_passed' : 'review_failed',
      nextReviewDue: nextReviewAfter(provinceDate(ctx.now())),
      reviewOverdueSince: null,
    };
    await carriers.update(trx, carrierId, values, ctx.now());
    return { action: 'carrier.decide_review', after: { year: input.year, result: input.result, ...values } };
  });
}

export function revoke(ctx: Ctx, carrierId: string, input: RevokeCarrier) {
  return transition(ctx, carrierId, 'carriers:review', ['recognised', 'review_passed', 'review_failed'], async (trx) => {
    const values = { status: 'revoked', revokedOn: input.revokedOn, revokedReason: input.reason, reviewOverdueSince: null };
    await carriers.update(trx, carrierId, values, ctx.now());
    return { action: 'carrier.revoke', after: values };
  });
}

export const REVIEW_SWEEP_JOB = 'carriers.review_sweep';
export const REVIEW_SWEEP_EVERY_MS = 6 * 3600_000;

/** Flags overdue annual reviews (and clears settled flags); idempotent, one UPDATE each way. */
export async function sweepOverdueReviews(ctx: Ctx) {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await carriers.sweepOverdue(trx, provinceDate(ctx.now()));
    if (result.flagged || result.cleared) await audit(trx, ctx, { action: 'carrier.review_sweep', entityType: 'carrier', after: result });
    return result;
  });
}

export async function overview(ctx: Ctx): Promise<CarrierOverview> {
  const inScope = inScopeOf(scopeFor(ctx.actor, 'skills:read'));
  const today = provinceDate(ctx.now());
  const [byKindLevel, byStatus, byPrefecture, byYear, figures, outputs] = await Promise.all([
    carriers.countByKindLevel(ctx.db, inScope),
    carriers.countByStatus(ctx.db, inScope),
    carriers.countByPrefecture(ctx.db, inScope),
    carriers.countByYear(ctx.db, inScope),
    carriers.reviewFigures(ctx.db, inScope, today, addDays(today, 60)),
    carriers.outputsByYear(ctx.db, inScope),
  ]);
  return {
    byKindLevel: byKindLevel.map((r) => ({ kind: r.kind as CarrierKind, level: r.level as CarrierLevel, count: Number(r.count) })),
    byStatus: byStatus.map((r) => ({ status: r.status as CarrierStatus, count: Number(r.count) })),
    byPrefecture: byPrefecture.map((r) => ({
      regionCode: r.regionCode,
      regionName: r.regionName ?? null,
      kind: r.kind as CarrierKind,
      count: Number(r.count),
    })),
    byYear: byYear.map((r) => ({ year: Number(r.year), kind: r.kind as CarrierKind, count: Number(r.count) })),
    reviewsDueSoon: figures.dueSoon,
    reviewsOverdue: figures.overdue,
    pendingApplications: figures.pending,
    outputs: outputs.map((o) => ({
      year: Number(o.year),
      peopleTrained: Number(o.peopleTrained),
      certificatesGained: Number(o.certificatesGained),
      innovations: Number(o.innovations),
      benefitYuan: Number(o.benefitYuan),
    })),
  };
}
