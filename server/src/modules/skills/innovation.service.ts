import type {
  AchievementDetail,
  AchievementListQuery,
  AchievementPage,
  AchievementSummary,
  CarrierKind,
  CarrierLevel,
  EvaluateAchievement,
  OrgKind,
  Ranking,
  RankingQuery,
  SubmitAchievement,
} from '@changai/contracts';
import { industryDivision } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as carriers from './carriers.repository.js';
import { inScopeOf, userIdOf } from './carriers.service.js';
import * as innovation from './innovation.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof innovation.findById>>>;

const toSummary = (r: Omit<Row, 'startedOn' | 'summary' | 'evaluation' | 'evaluatedOn' | 'adoptedOn'>): AchievementSummary => ({
  id: r.id,
  title: r.title,
  kind: r.kind as AchievementSummary['kind'],
  org: { id: r.orgId, code: r.orgCode, name: r.orgName, kind: r.orgKind as OrgKind },
  industryDivision: r.industryDivision,
  studio:
    r.studioId && r.studioName
      ? { id: r.studioId, name: r.studioName, kind: r.studioKind as CarrierKind, level: r.studioLevel as CarrierLevel }
      : null,
  submittedOn: r.submittedOn,
  status: r.status as AchievementSummary['status'],
  benefitYuan: r.benefitYuan === null ? null : Number(r.benefitYuan),
  patentNumbers: r.patentNumbers,
  teamSize: Number(r.teamSize),
});

async function load(db: Db, ctx: Ctx, id: string, permission: 'skills:read' | 'innovation:evaluate') {
  const scope = scopeFor(ctx.actor, permission);
  const row = await innovation.findById(db, id);
  if (!row || !isPathInScope(scope, row.orgPath)) throw new NotFoundError('achievement');
  return row;
}

export async function list(ctx: Ctx, query: AchievementListQuery): Promise<AchievementPage> {
  const scope = scopeFor(ctx.actor, 'skills:read');
  const orgPath = query.orgId ? (await orgService.requireOrg(ctx, query.orgId, 'skills:read')).path : undefined;
  const filter = {
    inScope: inScopeOf(scope),
    q: query.q || undefined,
    kind: query.kind,
    status: query.status,
    studioId: query.studioId,
    orgPath,
  };
  const [rows, total] = await Promise.all([
    innovation.list(ctx.db, { ...filter, limit: query.limit, offset: query.offset }),
    innovation.count(ctx.db, filter),
  ]);
  return { items: rows.map(toSummary), total };
}

export async function get(ctx: Ctx, id: string, db: Db = ctx.db): Promise<AchievementDetail> {
  const row = await load(db, ctx, id, 'skills:read');
  const team = await innovation.listTeam(db, id);
  return {
    ...toSummary(row),
    startedOn: row.startedOn,
    summary: row.summary,
    evaluation: row.evaluation,
    evaluatedOn: row.evaluatedOn,
    adoptedOn: row.adoptedOn,
    team,
  };
}

const STUDIO_KINDS = ['innovation_studio', 'master_studio'];

/** A unit submits an achievement of its workers (the first team member leads it). */
export async function submit(ctx: Ctx, input: SubmitAchievement): Promise<AchievementDetail> {
  const scope = scopeFor(ctx.actor, 'innovation:submit');
  return ctx.db.transaction().execute(async (trx) => {
    const t = { ...ctx, db: trx };
    const org = await orgService.requireOrg(t, input.orgId, 'innovation:submit');
    const team = [...new Set(input.teamWorkerIds)];
    const found = await carriers.workersUnder(trx, team, org.path);
    const missing = team.filter((id) => !found.some((w) => w.id === id));
    if (missing.length) {
      throw new ValidationError(
        missing.map((id) => ({ path: `body.teamWorkerIds.${input.teamWorkerIds.indexOf(id)}`, message: 'achievement.worker_not_found' })),
        'achievement.worker_not_found',
      );
    }
    let studioId: string | null = null;
    if (input.studioId) {
      const studio = await carriers.findById(trx, input.studioId);
      if (!studio || !isPathInScope(scope, studio.hostPath)) throw new NotFoundError('carrier');
      if (!STUDIO_KINDS.includes(studio.kind)) {
        throw new RuleViolationError('achievement.studio_not_innovation', {}, [
          { path: 'body.studioId', message: 'achievement.studio_not_innovation' },
        ]);
      }
      studioId = studio.id;
    }
    const values = {
      title: input.title,
      kind: input.kind,
      orgId: org.id,
      regionCode: await orgService.regionCodeOf(t, org.id),
      industryDivision: await innovation.industryOf(trx, org.id),
      studioId,
      startedOn: input.startedOn ?? null,
      submittedOn: input.submittedOn,
      patentNumbers: [...new Set(input.patentNumbers.map((p) => p.toUpperCase()))],
      summary: input.summary || null,
    };
    const id = await innovation.insert(trx, { ...values, submittedBy: userIdOf(ctx), now: ctx.now() }, team);
    await audit(trx, ctx, {
      action: 'achievement.submit',
      entityType: 'achievement',
      entityId: id,
      orgId: org.id,
      after: { ...values, team },
    });
    return get(t, id, trx);
  });
}

/** submitted → evaluated (benefit assessed) or rejected; evaluated → adopted. */
export async function evaluate(ctx: Ctx, id: string, input: EvaluateAchievement): Promise<AchievementDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await load(trx, ctx, id, 'innovation:evaluate');
    const locked = await innovation.lockStatus(trx, id);
    if (locked?.status !== row.status) throw new ConflictError('carrier.status_changed');
    const from = input.decision === 'adopt' ? 'evaluated' : 'submitted';
    if (row.status !== from) throw new RuleViolationError('achievement.illegal_transition', { from: row.status });
    const values =
      input.decision === 'adopt'
        ? { status: 'adopted', adoptedOn: input.adoptedOn }
        : input.decision === 'evaluate'
          ? {
              status: 'evaluated',
              benefitYuan: input.benefitYuan,
              evaluation: input.evaluation,
              evaluatedOn: input.evaluatedOn,
              evaluatedBy: userIdOf(ctx),
            }
          : { status: 'rejected', evaluation: input.evaluation, evaluatedOn: input.evaluatedOn, evaluatedBy: userIdOf(ctx) };
    await innovation.update(trx, id, values, ctx.now());
    await audit(trx, ctx, {
      action: `achievement.${input.decision}`,
      entityType: 'achievement',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: values,
    });
    return get({ ...ctx, db: trx }, id, trx);
  });
}

export async function rankings(ctx: Ctx, query: RankingQuery): Promise<Ranking> {
  const inScope = inScopeOf(scopeFor(ctx.actor, 'skills:read'));
  const [rows, byKind] = await Promise.all([
    query.by === 'org'
      ? innovation.rankByOrg(ctx.db, inScope, query.limit, query.year)
      : innovation
          .rankByIndustry(ctx.db, inScope, query.limit, query.year)
          .then((r) => r.map((x) => ({ ...x, name: x.key ? (industryDivision(x.key)?.zh ?? x.key) : '未登记行业' }))),
    innovation.countByKind(ctx.db, inScope, query.year),
  ]);
  return {
    by: query.by,
    rows: rows.map((r) => ({
      key: r.key,
      name: r.name,
      achievements: Number(r.achievements),
      adopted: Number(r.adopted),
      patents: Number(r.patents),
      benefitYuan: Number(r.benefitYuan),
    })),
    byKind: byKind.map((k) => ({
      kind: k.kind as Ranking['byKind'][number]['kind'],
      status: k.status as Ranking['byKind'][number]['status'],
      count: Number(k.count),
    })),
  };
}
