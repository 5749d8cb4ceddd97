import type {
  CreateOrg,
  EnterpriseProfile,
  MoveOrg,
  Org,
  OrgDetail,
  OrgKind,
  OrgListQuery,
  Permission,
  SaveEnterpriseProfile,
  UpdateOrg,
} from '@changai/contracts';
import { industryDivision, industrySectionOf, parseCreditCode } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as auditLog from '../audit/audit.service.js';
import { loadOrgInScope } from './org.access.js';
import type { OrgRow } from './org.repository.js';
import * as orgs from './org.repository.js';

const toOrg = (row: OrgRow): Org => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind as OrgKind,
  parentId: row.parentId,
  depth: row.depth,
  isActive: row.isActive,
  childCount: Number(row.childCount),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const snapshot = (row: Pick<OrgRow, 'code' | 'name' | 'kind' | 'parentId' | 'isActive'>) => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  parentId: row.parentId,
  isActive: row.isActive,
});

export async function list(ctx: Ctx, query: OrgListQuery): Promise<Org[]> {
  const scope = scopeFor(ctx.actor, 'org:read');
  const topLevel = query.parentId === undefined && query.q === undefined && query.kind === undefined;
  let rootPath: string | undefined;
  if (topLevel) rootPath = scope.kind === 'subtree' ? scope.path : undefined;
  const rows = await orgs.list(ctx.db, {
    scope,
    parentId: query.parentId,
    q: query.q || undefined,
    kind: query.kind,
    includeInactive: query.includeInactive ?? false,
    limit: query.limit,
    rootPath,
  });
  // The whole province: its top is the root org(s).
  const result = topLevel && scope.kind === 'all' ? rows.filter((r) => r.depth === 0) : rows;
  return result.map(toOrg);
}

export async function get(ctx: Ctx, orgId: string): Promise<OrgDetail> {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, 'org:read');
  const scope = scopeFor(ctx.actor, 'org:read');
  const [ancestors, dependents] = await Promise.all([orgs.ancestors(ctx.db, org.path), orgs.countDependents(ctx.db, orgId)]);
  return {
    ...toOrg(org),
    // Ancestors above the actor's scope are not theirs to see.
    ancestors: ancestors
      .filter((a) => isPathInScope(scope, a.path))
      .map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind as OrgKind })),
    userCount: dependents.users,
  };
}

/** The province root: a reference lookup, needing no actor (first set-up, seeding). */
export function findRoot(db: Db) {
  return orgs.findRoot(db);
}

/** Other modules ask here whether an org is theirs to use: the one subtree check. */
export async function requireOrg(ctx: Ctx, orgId: string, permission: Permission) {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, permission);
  return { id: org.id, code: org.code, name: org.name, kind: org.kind as OrgKind, path: org.path, isActive: org.isActive };
}

/** The GB/T 2260 code of the division an org lies in, for region-keyed rows (workers, credentials). */
export async function regionCodeOf(ctx: Ctx, orgId: string): Promise<string> {
  const org = await orgs.findById(ctx.db, orgId);
  if (!org) throw new NotFoundError('org');
  const division = await orgs.nearestDivisionCode(ctx.db, org.path);
  if (!division) throw new RuleViolationError('org.no_division');
  return division.code;
}

export type ResolvedOrg = {
  id: string;
  code: string;
  name: string;
  creditCode: string | null;
  regionCode: string | null;
  isActive: boolean;
};

/** Finds orgs named in bulk data (by code, name or credit code) among those the actor may use. */
export async function resolveOrgs(
  ctx: Ctx,
  keys: { codes: string[]; names: string[]; creditCodes: string[] },
  permission: Permission,
): Promise<ResolvedOrg[]> {
  const rows = await orgs.findForResolution(ctx.db, scopeFor(ctx.actor, permission), keys);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    creditCode: r.creditCode,
    regionCode: r.divisionCode,
    isActive: r.isActive,
  }));
}

export type { EnterpriseInsert } from './org.repository.js';

/** Bulk-creates enterprises with their profiles (system only: demo data and seeds), in one audited step. */
export async function createEnterprises(ctx: Ctx, rows: orgs.EnterpriseInsert[]) {
  scopeFor(ctx.actor, 'org:manage');
  await ctx.db.transaction().execute(async (trx) => {
    await orgs.insertEnterprises(trx, rows, ctx.now());
    await audit(trx, ctx, { action: 'org.bulk_create', entityType: 'org', after: { enterprises: rows.length } });
  });
}

/** Where employers sit: county-level divisions with their prefecture's code. */
export async function employerDivisions(ctx: Ctx) {
  scopeFor(ctx.actor, 'org:read');
  const rows = await orgs.listEmployerDivisions(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    path: r.path,
    prefectureCode: r.kind === 'county' ? (r.parentCode as string) : r.code,
  }));
}

export async function create(ctx: Ctx, input: CreateOrg): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await loadOrgInScope(trx, ctx, input.parentId, 'org:manage');
    if (!parent.isActive) throw new RuleViolationError('org.parent_inactive');
    if (await orgs.findByCode(trx, input.code)) throw new ConflictError('org.code_taken', { code: input.code });
    const { id } = await orgs.insert(trx, { ...input, parentId: parent.id, parentPath: parent.path, now: ctx.now() });
    const created = (await orgs.findById(trx, id)) as OrgRow;
    await audit(trx, ctx, { action: 'org.create', entityType: 'org', entityId: id, orgId: id, after: snapshot(created) });
    return toOrg(created);
  });
}

export async function update(ctx: Ctx, orgId: string, input: UpdateOrg): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadOrgInScope(trx, ctx, orgId, 'org:manage');
    if (before.depth === 0 && input.kind !== undefined) throw new RuleViolationError('org.root_immutable');
    await orgs.update(trx, orgId, { ...input, now: ctx.now() });
    const after = (await orgs.findById(trx, orgId)) as OrgRow;
    await audit(trx, ctx, {
      action: 'org.update',
      entityType: 'org',
      entityId: orgId,
      orgId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toOrg(after);
  });
}

function assertNotOwnScopeRoot(ctx: Ctx, org: OrgRow) {
  if (org.depth === 0) throw new RuleViolationError('org.root_immutable');
  if (ctx.actor.kind === 'user' && ctx.actor.orgId === org.id) throw new RuleViolationError('org.own_org');
}

export async function move(ctx: Ctx, orgId: string, input: MoveOrg): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await loadOrgInScope(trx, ctx, orgId, 'org:manage');
    assertNotOwnScopeRoot(ctx, org);
    const target = await loadOrgInScope(trx, ctx, input.parentId, 'org:manage');
    if (target.path.startsWith(org.path)) throw new RuleViolationError('org.move_into_own_subtree');
    if (!target.isActive) throw new RuleViolationError('org.parent_inactive');
    if (target.id === org.parentId) return toOrg(org);
    const newPath = `${target.path}${org.id}/`;
    await orgs.moveSubtree(trx, orgId, { oldPath: org.path, newPath, newParentId: target.id, now: ctx.now() });
    const after = (await orgs.findById(trx, orgId)) as OrgRow;
    await audit(trx, ctx, {
      action: 'org.move',
      entityType: 'org',
      entityId: orgId,
      orgId,
      before: { parentId: org.parentId },
      after: { parentId: target.id, parentName: target.name },
    });
    return toOrg(after);
  });
}

export async function setActive(ctx: Ctx, orgId: string, isActive: boolean): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await loadOrgInScope(trx, ctx, orgId, 'org:manage');
    assertNotOwnScopeRoot(ctx, org);
    if (org.isActive === isActive) return toOrg(org);
    if (isActive) {
      const parent = org.parentId ? await orgs.findById(trx, org.parentId) : undefined;
      if (parent && !parent.isActive) throw new RuleViolationError('org.parent_inactive');
    } else {
      const deps = await orgs.countDependents(trx, orgId);
      if (deps.activeChildren > 0) throw new RuleViolationError('org.has_active_children', { count: deps.activeChildren });
      if (deps.activeUsers > 0) throw new RuleViolationError('org.has_active_users', { count: deps.activeUsers });
    }
    await orgs.update(trx, orgId, { isActive, now: ctx.now() });
    await audit(trx, ctx, {
      action: isActive ? 'org.reactivate' : 'org.deactivate',
      entityType: 'org',
      entityId: orgId,
      orgId,
      before: { isActive: org.isActive },
      after: { isActive },
    });
    return toOrg({ ...org, isActive });
  });
}

/** Deletes an org only when nothing refers to it; otherwise says what does. */
export async function history(ctx: Ctx, orgId: string) {
  await loadOrgInScope(ctx.db, ctx, orgId, 'org:read');
  return auditLog.historyOf(ctx, 'org', orgId);
}

export async function remove(ctx: Ctx, orgId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const org = await loadOrgInScope(trx, ctx, orgId, 'org:manage');
    assertNotOwnScopeRoot(ctx, org);
    const deps = await orgs.countDependents(trx, orgId);
    if (deps.children > 0) throw new ConflictError('org.has_children', { count: deps.children });
    const refs = Object.entries({
      users: deps.users,
      network: deps.assignments,
      contacts: deps.contacts,
      workers: deps.workers,
      reform: deps.reform,
    }).filter(([, n]) => n > 0);
    if (refs.length > 0) {
      throw new ConflictError('org.is_referenced', {
        count: refs.reduce((sum, [, n]) => sum + n, 0),
        what: refs.map(([k]) => k).join(','),
      });
    }
    await orgs.remove(trx, orgId);
    await audit(trx, ctx, { action: 'org.delete', entityType: 'org', entityId: orgId, orgId, before: snapshot(org) });
  });
}

/** The employer profile of an enterprise org; null when none has been recorded yet. */
export async function enterpriseProfile(ctx: Ctx, orgId: string): Promise<EnterpriseProfile | null> {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, 'org:read');
  const row = await orgs.findEnterpriseProfile(ctx.db, org.id);
  if (!row) return null;
  return {
    orgId: row.orgId,
    creditCode: row.creditCode,
    industryDivision: row.industryDivision,
    industrySection: row.industryDivision ? (industrySectionOf(row.industryDivision)?.code ?? null) : null,
    industryCategory: row.industryCategory as EnterpriseProfile['industryCategory'],
    ownership: row.ownership as EnterpriseProfile['ownership'],
    size: row.size as EnterpriseProfile['size'],
    regionCode: row.regionCode,
    workerCount: Number(row.workerCount ?? 0),
  };
}

/** Records an enterprise's credit code (GB 32100 check character validated), industry, ownership and size. */
export async function saveEnterpriseProfile(ctx: Ctx, orgId: string, input: SaveEnterpriseProfile): Promise<EnterpriseProfile> {
  await ctx.db.transaction().execute(async (trx) => {
    const org = await loadOrgInScope(trx, ctx, orgId, 'org:manage');
    if (org.kind !== 'enterprise') throw new RuleViolationError('org.not_enterprise');
    const before = await orgs.findEnterpriseProfile(trx, org.id);
    let creditCode = input.creditCode === undefined ? (before?.creditCode ?? null) : input.creditCode;
    if (creditCode) {
      const parsed = parseCreditCode(creditCode);
      if (!parsed.ok) throw new ValidationError([{ path: 'body.creditCode', message: `credit_code_${parsed.reason}` }]);
      creditCode = parsed.value;
      const holder = await orgs.findOrgIdByCreditCode(trx, creditCode);
      if (holder && holder.orgId !== org.id) throw new ConflictError('org.credit_code_taken', { code: creditCode });
    }
    if (input.industryDivision && !industryDivision(input.industryDivision)) {
      throw new ValidationError([{ path: 'body.industryDivision', message: 'industry_division_format' }]);
    }
    const pick = <K extends keyof SaveEnterpriseProfile>(key: K, stored: string | null | undefined) =>
      (input[key] === undefined ? (stored ?? null) : input[key]) as string | null;
    const values = {
      orgId: org.id,
      regionCode: before?.regionCode ?? (await regionCodeOf({ ...ctx, db: trx }, org.id)),
      creditCode,
      industryDivision: pick('industryDivision', before?.industryDivision),
      industryCategory: pick('industryCategory', before?.industryCategory),
      ownership: pick('ownership', before?.ownership),
      size: pick('size', before?.size),
    };
    await orgs.upsertEnterpriseProfile(trx, { ...values, now: ctx.now() });
    await audit(trx, ctx, {
      action: 'org.enterprise_profile',
      entityType: 'org',
      entityId: org.id,
      orgId: org.id,
      before: before ?? null,
      after: values,
    });
  });
  return (await enterpriseProfile(ctx, orgId)) as EnterpriseProfile;
}
