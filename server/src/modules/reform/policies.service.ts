import type {
  OrgKind,
  PolicyDetail,
  PolicyListQuery,
  PolicyPage,
  PolicyStatus,
  PolicySummary,
  ReformArea,
  SavePolicy,
} from '@changai/contracts';
import { audit } from '../../platform/audit.js';
import { hasPermission, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as attachments from './attachments.service.js';
import * as policies from './policies.repository.js';
import * as tasksService from './tasks.service.js';

type Row = Awaited<ReturnType<typeof policies.list>>[number];

const toSummary = (row: Omit<Row, 'snippet'> & { snippet?: string | null }): PolicySummary => ({
  id: row.id,
  title: row.title,
  docNumber: row.docNumber,
  issuers: row.issuers,
  issuedOn: row.issuedOn,
  category: row.category as ReformArea,
  status: row.status as PolicyStatus,
  leadOrg:
    row.leadOrgId && row.leadOrgCode && row.leadOrgName
      ? { id: row.leadOrgId, code: row.leadOrgCode, name: row.leadOrgName, kind: row.leadOrgKind as OrgKind }
      : null,
  snippet: row.snippet ?? null,
});

export async function list(ctx: Ctx, query: PolicyListQuery): Promise<PolicyPage> {
  scopeFor(ctx.actor, 'policies:read');
  const filter = { q: query.q || undefined, year: query.year, category: query.category, status: query.status, leadOrgId: query.leadOrgId };
  const [rows, total, years] = await Promise.all([
    policies.list(ctx.db, { ...filter, limit: query.limit, offset: query.offset }),
    policies.count(ctx.db, filter),
    policies.countByYear(ctx.db, filter),
  ]);
  return { items: rows.map(toSummary), total, years: years.map((y) => ({ year: Number(y.year), count: Number(y.count) })) };
}

export async function get(ctx: Ctx, policyId: string, db: Db = ctx.db): Promise<PolicyDetail> {
  scopeFor(ctx.actor, 'policies:read');
  const row = await policies.findById(db, policyId);
  if (!row) throw new NotFoundError('policy');
  const [supersedes, supersededBy, files, tasks] = await Promise.all([
    policies.findRefs(db, row.supersedesId ? [row.supersedesId] : []),
    policies.listSupersededBy(db, policyId),
    policies.listAttachments(db, { policyId }),
    hasPermission(ctx.actor, 'tasks:read') ? tasksService.forPolicy({ ...ctx, db }, policyId) : Promise.resolve([]),
  ]);
  return {
    ...toSummary(row),
    summary: row.summary,
    fullText: row.fullText,
    supersedes: supersedes[0] ?? null,
    supersededBy,
    attachments: files.map(attachments.toAttachment),
    tasks,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function values(trx: Db, ctx: Ctx, input: SavePolicy, policyId?: string) {
  const docNumber = input.docNumber || null;
  if (docNumber) {
    const taken = await policies.findByDocNumber(trx, docNumber);
    if (taken && taken.id !== policyId) throw new ConflictError('policy.doc_number_taken', { docNumber });
  }
  if (input.leadOrgId) await orgService.requireOrg({ ...ctx, db: trx }, input.leadOrgId, 'policies:manage');
  const supersedesId = input.supersedesId ?? null;
  if (supersedesId) {
    const earlier = await policies.findById(trx, supersedesId);
    if (!earlier) throw new NotFoundError('policy');
    // A version may not revise itself or a later version of itself.
    if (policyId && (await policies.isInChain(trx, policyId, supersedesId))) {
      throw new RuleViolationError('policy.version_cycle', {}, [{ path: 'body.supersedesId', message: 'policy.version_cycle' }]);
    }
  }
  return {
    title: input.title,
    docNumber,
    issuers: input.issuers,
    issuedOn: input.issuedOn,
    category: input.category,
    status: input.status,
    leadOrgId: input.leadOrgId ?? null,
    supersedesId,
    summary: input.summary || null,
    fullText: input.fullText,
  };
}

/** What the audit log keeps of a policy: its fields without the (long) full text. */
const auditOf = (v: Awaited<ReturnType<typeof values>>) => ({ ...v, fullText: `${v.fullText.length} chars` });

export async function create(ctx: Ctx, input: SavePolicy): Promise<PolicyDetail> {
  scopeFor(ctx.actor, 'policies:manage');
  return ctx.db.transaction().execute(async (trx) => {
    const v = await values(trx, ctx, input);
    const { id } = await policies.insert(trx, { ...v, createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, now: ctx.now() });
    if (v.supersedesId) await policies.markRevised(trx, v.supersedesId, ctx.now());
    await attachments.attach(trx, ctx, input.attachmentIds, { policyId: id });
    await audit(trx, ctx, { action: 'policy.create', entityType: 'policy', entityId: id, orgId: v.leadOrgId, after: auditOf(v) });
    return get(ctx, id, trx);
  });
}

export async function update(ctx: Ctx, policyId: string, input: SavePolicy): Promise<PolicyDetail> {
  scopeFor(ctx.actor, 'policies:manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await policies.findById(trx, policyId);
    if (!before) throw new NotFoundError('policy');
    const v = await values(trx, ctx, input, policyId);
    await policies.update(trx, policyId, { ...v, now: ctx.now() });
    if (v.supersedesId && v.supersedesId !== before.supersedesId) await policies.markRevised(trx, v.supersedesId, ctx.now());
    await attachments.attach(trx, ctx, input.attachmentIds, { policyId });
    await audit(trx, ctx, {
      action: 'policy.update',
      entityType: 'policy',
      entityId: policyId,
      orgId: v.leadOrgId,
      before: { ...toSummary(before), fullText: `${before.fullText.length} chars` },
      after: auditOf(v),
    });
    return get(ctx, policyId, trx);
  });
}

export async function openAttachment(ctx: Ctx, attachmentId: string) {
  scopeFor(ctx.actor, 'policies:read');
  return attachments.open(ctx.db, attachmentId, async (owner) => owner.policyId !== null);
}

/** Policies issued in a year (for the year-end summary) and how many were in force by its end. */
export async function yearFigures(ctx: Ctx, year: number) {
  scopeFor(ctx.actor, 'policies:read');
  const [issued, total] = await Promise.all([
    policies.countIssuedIn(ctx.db, `${year}-01-01`, `${year}-12-31`),
    policies.countUpTo(ctx.db, `${year}-12-31`),
  ]);
  return { issued, total };
}
