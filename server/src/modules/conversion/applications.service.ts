import { randomInt } from 'node:crypto';
import type { Application, ApplicationDecision, ApplicationListQuery, CreateApplication, UnitReview } from '@changai/contracts';
import { evaluateWorker, type PathwayGrant, provinceDate, type RuleSet } from '@changai/domain';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import { isPathInScope, type Scope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as workersService from '../workers/workers.service.js';
import * as repo from './conversion.repository.js';
import { currentRuleSet, describe, factsOf } from './conversion.service.js';

/**
 * submitted → (employer unit) unit_approved | rejected → (evaluation committee) approved | rejected.
 * The submitter may withdraw while it is still submitted. Each step names the one status it starts
 * from and is a conditional update on it, so two reviewers acting at once cannot both win.
 */
type Step = { from: 'submitted' | 'unit_approved'; to: 'unit_approved' | 'approved' | 'rejected' | 'withdrawn' };

function toApplication(row: repo.ApplicationRow): Application {
  return {
    id: row.id,
    worker: { id: row.workerId, name: row.workerName, orgName: row.orgName },
    pathwayId: row.pathwayId,
    pathwayName: { zh: row.pathwayNameZh, en: row.pathwayNameEn },
    grants: row.grants as Application['grants'],
    status: row.status as Application['status'],
    ruleSet: { id: row.ruleSetId, code: row.ruleSetCode, version: row.ruleSetVersion, effectiveFrom: row.ruleSetEffectiveFrom },
    note: row.note,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    unitReviewedBy: row.unitReviewedBy,
    unitReviewedAt: row.unitReviewedAt,
    unitComment: row.unitComment,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    decisionRuleSetId: row.decisionRuleSetId,
    certificateNumber: row.certificateNumber,
    issuedOn: row.issuedOn,
    credentialId: row.credentialId,
    verificationCode: row.verificationCode,
  };
}

function visible(scope: Scope, row: repo.ApplicationRow): boolean {
  return scope.kind === 'self' ? row.workerUserId === scope.userId : isPathInScope(scope, row.orgPath);
}

/** The application if the actor's grant of `permission` reaches it; otherwise it does not exist for them. */
async function loadInScope(
  db: Db,
  ctx: Ctx,
  id: string,
  permission: 'conversion:read' | 'applications:review' | 'applications:decide' | 'applications:submit',
) {
  const scope = scopeFor(ctx.actor, permission);
  const row = await repo.findApplication(db, id);
  if (!row || !visible(scope, row)) throw new NotFoundError('application');
  return row;
}

export async function get(ctx: Ctx, id: string): Promise<Application> {
  return toApplication(await loadInScope(ctx.db, ctx, id, 'conversion:read'));
}

/** The pathway evaluation the application was submitted under. */
export async function evaluationOf(ctx: Ctx, id: string) {
  await loadInScope(ctx.db, ctx, id, 'conversion:read');
  return (await repo.findApplicationEvaluation(ctx.db, id))?.evaluation ?? null;
}

type Cursor = { at: Date; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');
function decodeCursor(raw: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [unknown, unknown];
    const date = typeof at === 'string' ? new Date(at) : undefined;
    if (date && !Number.isNaN(date.getTime()) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { at: date, id };
  } catch {}
  throw new ValidationError([{ path: 'querystring.cursor', message: 'cursor_invalid' }]);
}

const QUEUE_PERMISSION = {
  mine: 'applications:submit',
  unit_review: 'applications:review',
  decision: 'applications:decide',
  all: 'conversion:read',
} as const;

/** Each party's queue: mine (submitted by me, or about me), the employer's review, the committee's decisions. */
export async function list(ctx: Ctx, query: ApplicationListQuery) {
  const scope = scopeFor(ctx.actor, QUEUE_PERMISSION[query.queue]);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : undefined;
  const statuses =
    query.queue === 'unit_review'
      ? ['submitted']
      : query.queue === 'decision'
        ? ['unit_approved']
        : query.status
          ? [query.status]
          : undefined;
  const rows = await repo.listApplications(ctx.db, {
    ...(scope.kind === 'self' ? { workerUserId: scope.userId } : scope.kind === 'subtree' ? { orgPath: scope.path } : {}),
    ...(query.queue === 'mine' && scope.kind !== 'self' ? { submittedBy: userId ?? '00000000-0000-0000-0000-000000000000' } : {}),
    statuses,
    workerId: query.workerId,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toApplication),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.submittedAt, id: last.id }) : null,
  };
}

/** A worker (self-service) or their HR applies for a pathway the worker is eligible for now. */
export async function submit(ctx: Ctx, input: CreateApplication): Promise<Application> {
  const scope = scopeFor(ctx.actor, 'applications:submit');
  const worker = await workersService.get(ctx, input.workerId);
  if (scope.kind !== 'self')
    await orgService.requireOrg(ctx, worker.org.id, 'applications:submit').catch(() => {
      throw new NotFoundError('worker');
    });
  const asOf = provinceDate(ctx.now());
  const rules = await currentRuleSet(ctx, asOf);
  const pathway = rules.definition.pathways.find((p) => p.id === input.pathwayId);
  if (!pathway) throw new ValidationError([{ path: 'body.pathwayId', message: 'application.unknown_pathway' }]);
  if (!pathway.issuesCredential) throw new RuleViolationError('application.not_a_credential');
  const evaluation = describe(rules.definition, evaluateWorker(rules.definition, factsOf(worker), asOf)).find(
    (e) => e.pathwayId === pathway.id,
  )!;
  if (evaluation.outcome !== 'eligible') {
    throw new RuleViolationError('application.not_eligible', { from: evaluation.eligibleFrom ?? '—' });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertApplication(trx, {
      workerId: worker.id,
      regionCode: worker.regionCode,
      orgId: worker.org.id,
      ruleSetId: rules.ref.id,
      pathwayId: pathway.id,
      pathwayNameZh: pathway.name.zh,
      pathwayNameEn: pathway.name.en,
      grants: pathway.grants,
      evaluation,
      note: input.note ?? null,
      submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now(),
    });
    if (!inserted) throw new ConflictError('application.already_open');
    await audit(trx, ctx, {
      action: 'application.submit',
      entityType: 'application',
      entityId: inserted.id,
      orgId: worker.org.id,
      after: { workerId: worker.id, pathwayId: pathway.id, ruleSet: rules.ref, via: evaluation.via },
    });
    return inserted.id;
  });
  return get(ctx, id);
}

function assertCanMove(row: repo.ApplicationRow, step: Step) {
  if (row.status !== step.from) throw new RuleViolationError('application.illegal_transition', { from: row.status, to: step.to });
}

async function move(trx: Db, ctx: Ctx, row: repo.ApplicationRow, step: Step, values: Parameters<typeof repo.transition>[4]) {
  assertCanMove(row, step);
  const won = await repo.transition(trx, row.id, step.from, step.to, values, ctx.now());
  if (!won) throw new ConflictError('application.status_changed');
}

/** The employer unit's review: forward to the committee, or reject with a reason. */
export async function review(ctx: Ctx, id: string, input: UnitReview): Promise<Application> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, ctx, id, 'applications:review');
    const to = input.approve ? ('unit_approved' as const) : ('rejected' as const);
    if (!input.approve && !input.comment) throw new ValidationError([{ path: 'body.comment', message: 'application.reason_required' }]);
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await move(
      trx,
      ctx,
      row,
      { from: 'submitted', to },
      { unitReviewedBy: userId, unitReviewedAt: ctx.now(), unitComment: input.comment ?? null },
    );
    await audit(trx, ctx, {
      action: input.approve ? 'application.unit_approve' : 'application.unit_reject',
      entityType: 'application',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: to, comment: input.comment ?? null },
    });
  });
  return get(ctx, id);
}

// Crockford-like: no 0/O, 1/I/L, so a code read aloud or typed from paper survives.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;
export const newVerificationCode = () => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * The evaluation committee's decision. Approval issues the credential into the registry through the
 * workers module (source `conversion`), links it to the application and gives it a verification code,
 * all in one transaction; the row lock makes a second, concurrent decision wait and then refuse.
 */
export async function decide(ctx: Ctx, id: string, input: ApplicationDecision): Promise<Application> {
  const rules = await currentRuleSet(ctx, provinceDate(ctx.now()));
  await ctx.db.transaction().execute(async (trx) => {
    await sql`select id from conversion_applications where id = ${id}::uuid for update`.execute(trx);
    const row = await loadInScope(trx, ctx, id, 'applications:decide');
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    if (!input.approve) {
      await move(
        trx,
        ctx,
        row,
        { from: 'unit_approved', to: 'rejected' },
        { decidedBy: userId, decidedAt: ctx.now(), decisionReason: input.reason, decisionRuleSetId: rules.ref.id },
      );
      await audit(trx, ctx, {
        action: 'application.reject',
        entityType: 'application',
        entityId: id,
        orgId: row.orgId,
        before: { status: row.status },
        after: { status: 'rejected', reason: input.reason, ruleSet: rules.ref },
      });
      return;
    }
    assertCanMove(row, { from: 'unit_approved', to: 'approved' });
    const grants = row.grants as PathwayGrant;
    const definition = (await repo.findRuleSet(trx, row.ruleSetId))?.definition as RuleSet | undefined;
    const field = definition?.pathways.find((p) => p.id === row.pathwayId)?.field ?? null;
    const system = { ...ctx, db: trx, actor: { kind: 'system' as const, name: 'conversion' } };
    const worker = await workersService.get(system, row.workerId);
    const credential = await workersService.grantCredential(
      system,
      row.workerId,
      {
        kind: grants.kind,
        levelCode: grants.level,
        series: grants.kind === 'title' ? field : null,
        occupationCode: grants.kind === 'skill_level' ? worker.occupationCode : null,
        certificateNumber: input.certificateNumber,
        issuedOn: input.issuedOn,
        issuer: input.issuer,
      },
      'conversion',
    );
    await move(
      trx,
      ctx,
      row,
      { from: 'unit_approved', to: 'approved' },
      {
        decidedBy: userId,
        decidedAt: ctx.now(),
        decisionRuleSetId: rules.ref.id,
        certificateNumber: credential.certificateNumber ?? input.certificateNumber,
        issuedOn: input.issuedOn,
        issuer: input.issuer,
        credentialId: credential.id,
      },
    );
    let code: string | undefined;
    for (let attempt = 0; !code && attempt < 5; attempt++) {
      code = (
        await repo.insertVerificationCode(trx, {
          code: newVerificationCode(),
          credentialId: credential.id,
          applicationId: id,
          now: ctx.now(),
        })
      )?.code;
    }
    if (!code) throw new ConflictError('application.code_collision');
    await audit(trx, ctx, {
      action: 'application.approve',
      entityType: 'application',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: {
        status: 'approved',
        credentialId: credential.id,
        certificateNumber: input.certificateNumber,
        issuedOn: input.issuedOn,
        ruleSet: rules.ref,
        verificationCode: code,
      },
    });
  });
  return get(ctx, id);
}

/** The submitter (or the worker) takes back an application nobody has reviewed yet. */
export async function withdraw(ctx: Ctx, id: string): Promise<Application> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadInScope(trx, ctx, id, 'applications:submit');
    await move(trx, ctx, row, { from: 'submitted', to: 'withdrawn' }, {});
    await audit(trx, ctx, {
      action: 'application.withdraw',
      entityType: 'application',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: 'withdrawn' },
    });
  });
  return get(ctx, id);
}
