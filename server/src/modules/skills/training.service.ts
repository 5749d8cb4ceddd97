import type {
  CarrierKind,
  CarrierLevel,
  Enrollment,
  EnrollWorkers,
  OrgKind,
  ProgramDetail,
  ProgramListQuery,
  ProgramPage,
  ProgramSummary,
  RecordOutcome,
  SaveProgram,
  TrainingLevel,
} from '@changai/contracts';
import { audit } from '../../platform/audit.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as workersService from '../workers/workers.service.js';
import * as carriers from './carriers.repository.js';
import { inScopeOf, userIdOf } from './carriers.service.js';
import * as training from './training.repository.js';

export type ExistingEnrollment = Enrollment;
type Row = NonNullable<Awaited<ReturnType<typeof training.findById>>>;
type EnrollmentRow = Awaited<ReturnType<typeof training.listEnrollments>>[number];

const countsOf = (raw: unknown) => {
  const c = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { enrolled: number; completed: number; passed: number };
  return { enrolled: Number(c.enrolled), completed: Number(c.completed), passed: Number(c.passed) };
};

const toSummary = (r: Row): ProgramSummary => ({
  id: r.id,
  title: r.title,
  occupationCode: r.occupationCode,
  targetLevel: r.targetLevel as TrainingLevel,
  provider: { id: r.providerOrgId, code: r.providerCode, name: r.providerName, kind: r.providerKind as OrgKind },
  carrier:
    r.providerCarrierId && r.carrierName
      ? { id: r.providerCarrierId, name: r.carrierName, kind: r.carrierKind as CarrierKind, level: r.carrierLevel as CarrierLevel }
      : null,
  mode: r.mode as ProgramSummary['mode'],
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  capacity: r.capacity,
  funding: r.funding as ProgramSummary['funding'],
  isFree: r.isFree,
  status: r.status as ProgramSummary['status'],
  ...countsOf(r.counts),
});

const toEnrollment = (e: EnrollmentRow): Enrollment => ({
  id: e.id,
  worker: { id: e.workerId, name: e.workerName, orgName: e.workerOrgName },
  status: e.status as Enrollment['status'],
  attendancePercent: e.attendancePercent,
  result: (e.result as Enrollment['result']) ?? null,
  score: e.score,
  assessedOn: e.assessedOn,
  certificateNumber: e.certificateNumber,
  credentialId: e.credentialId,
  source: e.source as Enrollment['source'],
});

async function loadProgram(db: Db, ctx: Ctx, programId: string, permission: 'skills:read' | 'training:manage') {
  const scope = scopeFor(ctx.actor, permission);
  const row = await training.findById(db, programId);
  if (!row || !isPathInScope(scope, row.providerPath)) throw new NotFoundError('program');
  return row;
}

export async function list(ctx: Ctx, query: ProgramListQuery): Promise<ProgramPage> {
  const scope = scopeFor(ctx.actor, 'skills:read');
  const orgPath = query.orgId ? (await orgService.requireOrg(ctx, query.orgId, 'skills:read')).path : undefined;
  const filter = {
    inScope: inScopeOf(scope),
    q: query.q || undefined,
    mode: query.mode,
    isFree: query.isFree === undefined ? undefined : query.isFree === 'true',
    carrierId: query.carrierId,
    orgPath,
  };
  const [rows, totals, months] = await Promise.all([
    training.list(ctx.db, { ...filter, limit: query.limit, offset: query.offset }),
    training.totals(ctx.db, filter),
    training.byMonth(ctx.db, filter),
  ]);
  return {
    items: rows.map(toSummary),
    total: totals.total,
    byMonth: months.map((m) => ({ month: m.month, programs: Number(m.programs), places: Number(m.places) })).reverse(),
    totals: { places: totals.places, enrolled: totals.enrolled, passed: totals.passed, freeOnline: totals.freeOnline },
  };
}

export async function get(ctx: Ctx, programId: string, db: Db = ctx.db): Promise<ProgramDetail> {
  const row = await loadProgram(db, ctx, programId, 'skills:read');
  const enrollments = await training.listEnrollments(db, programId);
  return { ...toSummary(row), enrollments: enrollments.map(toEnrollment), createdAt: row.createdAt };
}

const ACTIVE_CARRIER = ['recognised', 'review_passed', 'review_failed'];

export async function create(ctx: Ctx, input: SaveProgram): Promise<ProgramDetail> {
  const scope = scopeFor(ctx.actor, 'training:manage');
  return ctx.db.transaction().execute(async (trx) => {
    const t = { ...ctx, db: trx };
    const provider = await orgService.requireOrg(t, input.providerOrgId, 'training:manage');
    let carrierId: string | null = null;
    if (input.carrierId) {
      const carrier = await carriers.findById(trx, input.carrierId);
      if (!carrier || !isPathInScope(scope, carrier.hostPath)) throw new NotFoundError('carrier');
      if (!ACTIVE_CARRIER.includes(carrier.status)) throw new RuleViolationError('training.carrier_not_recognised');
      carrierId = carrier.id;
    }
    const values = {
      title: input.title,
      occupationCode: input.occupationCode,
      targetLevel: input.targetLevel,
      providerOrgId: provider.id,
      providerCarrierId: carrierId,
      regionCode: await orgService.regionCodeOf(t, provider.id),
      mode: input.mode,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      capacity: input.capacity,
      funding: input.funding,
      isFree: input.isFree,
    };
    const { id } = await training.insert(trx, { ...values, createdBy: userIdOf(ctx), now: ctx.now() });
    await audit(trx, ctx, { action: 'training.create_program', entityType: 'program', entityId: id, orgId: provider.id, after: values });
    return get(t, id, trx);
  });
}

/** Corrects a program while it is open: never below the places already taken. */
export async function update(ctx: Ctx, programId: string, input: SaveProgram): Promise<ProgramDetail> {
  const scope = scopeFor(ctx.actor, 'training:manage');
  return ctx.db.transaction().execute(async (trx) => {
    const t = { ...ctx, db: trx };
    const program = await loadProgram(trx, ctx, programId, 'training:manage');
    if (program.status !== 'open') throw new RuleViolationError('training.program_closed');
    const provider = await orgService.requireOrg(t, input.providerOrgId, 'training:manage');
    let carrierId: string | null = null;
    if (input.carrierId) {
      const carrier = await carriers.findById(trx, input.carrierId);
      if (!carrier || !isPathInScope(scope, carrier.hostPath)) throw new NotFoundError('carrier');
      // A program already run by a carrier keeps it even if the carrier has since lapsed.
      if (carrier.id !== program.providerCarrierId && !ACTIVE_CARRIER.includes(carrier.status)) {
        throw new RuleViolationError('training.carrier_not_recognised');
      }
      carrierId = carrier.id;
    }
    const taken = await training.lockAndCount(trx, programId);
    if (input.capacity < taken) {
      throw new RuleViolationError('training.capacity_below_enrolled', { enrolled: taken }, [
        { path: 'body.capacity', message: 'training.capacity_below_enrolled_field' },
      ]);
    }
    const values = {
      title: input.title,
      occupationCode: input.occupationCode,
      targetLevel: input.targetLevel,
      providerOrgId: provider.id,
      providerCarrierId: carrierId,
      regionCode: await orgService.regionCodeOf(t, provider.id),
      mode: input.mode,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      capacity: input.capacity,
      funding: input.funding,
      isFree: input.isFree,
    };
    await training.update(trx, programId, values, ctx.now());
    const before = {
      title: program.title,
      occupationCode: program.occupationCode,
      targetLevel: program.targetLevel,
      providerOrgId: program.providerOrgId,
      providerCarrierId: program.providerCarrierId,
      mode: program.mode,
      startsOn: program.startsOn,
      endsOn: program.endsOn,
      capacity: program.capacity,
      funding: program.funding,
      isFree: program.isFree,
    };
    await audit(trx, ctx, {
      action: 'training.update_program',
      entityType: 'program',
      entityId: programId,
      orgId: provider.id,
      before,
      after: values,
    });
    return get(t, programId, trx);
  });
}

/** Ends enrollment: a closed program takes no new trainees, though results may still be recorded. */
export async function close(ctx: Ctx, programId: string): Promise<ProgramDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const program = await loadProgram(trx, ctx, programId, 'training:manage');
    if (program.status !== 'open') throw new RuleViolationError('training.program_closed');
    await training.update(trx, programId, { status: 'closed' }, ctx.now());
    await audit(trx, ctx, {
      action: 'training.close_program',
      entityType: 'program',
      entityId: programId,
      orgId: program.providerOrgId,
      before: { status: program.status },
      after: { status: 'closed' },
    });
    return get({ ...ctx, db: trx }, programId, trx);
  });
}

/** Enrolls registry workers within the actor's scope, up to the program's capacity. */
export async function enroll(
  ctx: Ctx,
  programId: string,
  input: EnrollWorkers,
  source: 'manual' | 'import' = 'manual',
): Promise<ProgramDetail> {
  const scope = scopeFor(ctx.actor, 'training:manage');
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) => (ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn));
  return inTransaction(async (trx) => {
    const program = await loadProgram(trx, ctx, programId, 'training:manage');
    if (program.status !== 'open') throw new RuleViolationError('training.program_closed');
    const ids = [...new Set(input.workerIds)];
    const found = await training.workersInScope(trx, ids, inScopeOf(scope));
    const missing = ids.filter((id) => !found.some((w) => w.id === id));
    if (missing.length) {
      throw new ValidationError(
        missing.map((id) => ({ path: `body.workerIds.${input.workerIds.indexOf(id)}`, message: 'training.worker_not_found' })),
        'training.worker_not_found',
      );
    }
    const taken = await training.lockAndCount(trx, programId);
    const inserted = await training.insertEnrollments(trx, programId, found, source, ctx.now());
    if (taken + inserted.length > program.capacity) throw new RuleViolationError('training.program_full', { capacity: program.capacity });
    if (inserted.length) {
      await audit(trx, ctx, {
        action: 'training.enroll',
        entityType: 'program',
        entityId: programId,
        orgId: program.providerOrgId,
        after: { workerIds: inserted.map((e) => e.workerId), source },
      });
    }
    return get({ ...ctx, db: trx }, programId, trx);
  });
}

/**
 * Attendance, completion and the assessment. A pass issues the target skill level into the registry
 * (source `training`) in the same transaction; once issued, the result is final.
 */
export async function recordOutcome(ctx: Ctx, enrollmentId: string, input: RecordOutcome): Promise<Enrollment> {
  scopeFor(ctx.actor, 'training:manage');
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) => (ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn));
  return inTransaction(async (trx) => {
    const enrollment = await training.findEnrollment(trx, enrollmentId);
    if (!enrollment) throw new NotFoundError('enrollment');
    const program = await loadProgram(trx, ctx, enrollment.programId, 'training:manage').catch(() => {
      throw new NotFoundError('enrollment');
    });
    if (enrollment.result === 'passed') throw new ConflictError('training.already_assessed');
    const status = input.withdrawn
      ? 'withdrawn'
      : input.completed
        ? 'completed'
        : input.completed === false
          ? 'enrolled'
          : enrollment.status;
    const values: Parameters<typeof training.updateEnrollment>[2] = { status };
    if (input.attendancePercent !== undefined) values.attendancePercent = input.attendancePercent;
    if (input.result !== undefined) {
      if (input.result && status !== 'completed') throw new RuleViolationError('training.not_completed');
      values.result = input.result;
      values.score = input.score ?? null;
      values.assessedOn = input.result ? (input.assessedOn ?? null) : null;
      values.certificateNumber = input.result === 'passed' ? (input.certificateNumber ?? null) : null;
      if (input.result === 'passed') {
        if (!input.certificateNumber) {
          throw new RuleViolationError('training.certificate_required', {}, [
            { path: 'body.certificateNumber', message: 'training.certificate_required' },
          ]);
        }
        const system = { ...ctx, db: trx, actor: { kind: 'system' as const, name: 'training' } };
        const credential = await workersService.grantCredential(
          system,
          enrollment.workerId,
          {
            kind: 'skill_level',
            levelCode: program.targetLevel,
            occupationCode: program.occupationCode,
            certificateNumber: input.certificateNumber,
            issuedOn: input.assessedOn as string,
            issuer: program.carrierName ?? program.providerName,
          },
          'training',
        );
        values.credentialId = credential.id;
      }
    }
    await training.updateEnrollment(trx, enrollmentId, values, ctx.now());
    await audit(trx, ctx, {
      action: 'training.record_outcome',
      entityType: 'enrollment',
      entityId: enrollmentId,
      orgId: program.providerOrgId,
      before: { status: enrollment.status, result: enrollment.result },
      after: { workerId: enrollment.workerId, programId: program.id, ...values },
    });
    const updated = await training.findEnrollment(trx, enrollmentId);
    return toEnrollment(updated as EnrollmentRow);
  });
}

/** The enrollment of a worker in a program, created if absent (for imports). */
export async function enrollmentOf(ctx: Ctx, programId: string, workerId: string): Promise<string> {
  const existing = await training.findEnrollmentOf(ctx.db, programId, workerId);
  if (existing) return existing.id;
  await enroll(ctx, programId, { workerIds: [workerId] }, 'import');
  const created = await training.findEnrollmentOf(ctx.db, programId, workerId);
  if (!created) throw new NotFoundError('enrollment');
  return created.id;
}

export async function requireProgram(ctx: Ctx, programId: string) {
  return loadProgram(ctx.db, ctx, programId, 'training:manage');
}
