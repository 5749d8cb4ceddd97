import { PassThrough, type Readable } from 'node:stream';
import {
  type CreateWorker,
  type Credential,
  type GrantCredential,
  type RevokeCredential,
  SKILL_LEVELS,
  type SkillLevel,
  TITLE_LEVELS,
  type TitleLevel,
  type UpdateWorker,
  type WorkerDetail,
  type WorkerListQuery,
  type WorkerSummary,
} from '@changai/contracts';
import {
  credentialNaturalKey,
  divisionsOfCategory,
  maskIdNumber,
  maskPhone,
  nameSearchKeys,
  parseIdNumber,
  provinceDate,
  toHalfWidth,
  toSimplified,
  validateCredential,
} from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { hasPermission, isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { BulkCopy, Database, Db } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import ExcelJS from '../../platform/exceljs.js';
import * as orgService from '../org/org.service.js';
import type { CredentialRow, WorkerRow } from './workers.repository.js';
import * as workers from './workers.repository.js';

const skillOf = (rank: number | null) => (rank ? (SKILL_LEVELS[rank - 1] ?? null) : null);
const titleOf = (rank: number | null) => (rank ? (TITLE_LEVELS[rank - 1] ?? null) : null);

function toSummary(ctx: Ctx, row: WorkerRow): WorkerSummary {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as WorkerSummary['gender'],
    birthDate: row.birthDate,
    idNumber: maskIdNumber(ctx.cipher.decrypt(row.idNumberEnc)),
    org: { id: row.orgId, code: row.orgCode, name: row.orgName, kind: row.orgKind as WorkerSummary['org']['kind'] },
    regionCode: row.regionCode,
    regionName: row.regionName,
    occupationCode: row.occupationCode,
    industryDivision: row.industryDivision,
    isFrontline: row.isFrontline,
    isUnionMember: row.isUnionMember,
    status: row.status as WorkerSummary['status'],
    highestSkillLevel: skillOf(row.highestSkillRank),
    highestSkillOn: row.highestSkillOn,
    highestTitle: titleOf(row.highestTitleRank),
    isHighSkilled: row.isHighSkilled ?? false,
  };
}

const toCredential = (row: CredentialRow): Credential => ({
  id: row.id,
  kind: row.kind as Credential['kind'],
  levelCode: row.levelCode,
  occupationCode: row.occupationCode,
  series: row.series,
  name: row.name,
  issuer: row.issuer,
  certificateNumber: row.certificateNumber,
  issuedOn: row.issuedOn,
  equivalentTo: row.equivalentTo,
  purposes: (row.purposes as string[] | null) ?? null,
  source: row.source as Credential['source'],
  status: row.status as Credential['status'],
  revokedReason: row.revokedReason,
  revokedOn: row.revokedOn,
});

/** What the audit log keeps of a worker: identity masked, never in the clear. */
function auditSnapshot(ctx: Ctx, row: WorkerRow) {
  const { idNumber, ...rest } = toSummary(ctx, row);
  return { ...rest, idNumber, org: row.orgName };
}

async function loadWorkerInScope(
  db: Db,
  ctx: Ctx,
  workerId: string,
  permission: 'workers:read' | 'workers:manage' | 'personal_data:unmask',
) {
  const scope = scopeFor(ctx.actor, permission);
  const row = await workers.findById(db, workerId);
  const visible = row && (scope.kind === 'self' ? row.userId === scope.userId : isPathInScope(scope, row.orgPath));
  if (!row || !visible) throw new NotFoundError('worker');
  return row;
}

type Cursor = { key: string | number | null; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');
function decodeCursor(raw: string): Cursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [unknown, unknown];
    if ((typeof key === 'string' || typeof key === 'number') && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { key, id };
  } catch {}
  throw new ValidationError([{ path: 'querystring.cursor', message: 'cursor_invalid' }]);
}

/** What a search box string means: an ID number, a certificate number, a name in characters, or pinyin. */
function interpretQuery(ctx: Ctx, raw: string) {
  const q = toHalfWidth(raw).trim();
  if (!q) return {};
  const id = parseIdNumber(q, provinceDate(ctx.now()));
  if (id.ok) return { idNumberHash: ctx.cipher.blindIndex(id.value) };
  if (/^[A-Za-z]+$/.test(q)) return { latinPrefix: q.toLowerCase() };
  if (/^[A-Za-z0-9-]{6,40}$/.test(q)) return { certificateNumber: q.toUpperCase() };
  return { namePrefix: toSimplified(q) };
}

export async function list(ctx: Ctx, query: WorkerListQuery) {
  const scope = scopeFor(ctx.actor, 'workers:read');
  const org = query.orgId ? await orgService.requireOrg(ctx, query.orgId, 'workers:read') : undefined;
  const rows = await workers.list(ctx.db, {
    scope,
    orgPath: org?.path,
    regionPrefix: query.regionCode?.replace(/(00)+$/, ''),
    industryDivisions: query.industryCategory ? divisionsOfCategory(query.industryCategory) : undefined,
    skillRank: query.skillLevel ? SKILL_LEVELS.indexOf(query.skillLevel) + 1 : undefined,
    titleRank: query.titleLevel ? TITLE_LEVELS.indexOf(query.titleLevel) + 1 : undefined,
    isFrontline: query.frontline,
    isHighSkilled: query.highSkilled,
    status: query.status,
    ...(query.q ? interpretQuery(ctx, query.q) : {}),
    sort: query.sort,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toSummary(ctx, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

export async function get(ctx: Ctx, workerId: string): Promise<WorkerDetail> {
  const row = await loadWorkerInScope(ctx.db, ctx, workerId, 'workers:read');
  const credentials = await workers.listCredentials(ctx.db, workerId);
  return {
    ...toSummary(ctx, row),
    phone: row.phoneEnc ? maskPhone(ctx.cipher.decrypt(row.phoneEnc)) : null,
    employedFrom: row.employedFrom,
    employedTo: row.employedTo,
    credentials: credentials.map(toCredential),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The ID number and phone in full, for those allowed; each view is recorded. */
export async function revealIdentity(ctx: Ctx, workerId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadWorkerInScope(trx, ctx, workerId, 'personal_data:unmask');
    await audit(trx, ctx, {
      action: 'personal_data.view',
      entityType: 'worker',
      entityId: workerId,
      orgId: row.orgId,
      after: { fields: ['idNumber', 'phone'] },
    });
    return { idNumber: ctx.cipher.decrypt(row.idNumberEnc), phone: row.phoneEnc ? ctx.cipher.decrypt(row.phoneEnc) : null };
  });
}

function parseIdentity(ctx: Ctx, raw: string) {
  const parsed = parseIdNumber(raw, provinceDate(ctx.now()));
  if (!parsed.ok) throw new ValidationError([{ path: 'body.idNumber', message: `id_number_${parsed.reason}` }]);
  return parsed;
}

export async function create(ctx: Ctx, input: CreateWorker): Promise<WorkerDetail> {
  const id = parseIdentity(ctx, input.idNumber);
  const keys = nameSearchKeys(input.name);
  const workerId = await ctx.db.transaction().execute(async (trx) => {
    const org = await orgService.requireOrg({ ...ctx, db: trx }, input.orgId, 'workers:manage');
    const hash = ctx.cipher.blindIndex(id.value);
    if (await workers.findIdByIdNumberHash(trx, hash)) throw new ConflictError('worker.id_number_taken');
    const { id: newId } = await workers.insert(trx, {
      orgId: org.id,
      regionCode: input.regionCode ?? (await orgService.regionCodeOf({ ...ctx, db: trx }, org.id)),
      name: keys.simplified,
      namePinyin: keys.pinyin,
      nameInitials: keys.initials,
      gender: id.gender,
      birthDate: id.birthDate,
      idNumberEnc: ctx.cipher.encrypt(id.value),
      idNumberHash: hash,
      phoneEnc: input.phone ? ctx.cipher.encrypt(input.phone) : null,
      occupationCode: input.occupationCode ?? null,
      industryDivision: input.industryDivision ?? null,
      isFrontline: input.isFrontline,
      isUnionMember: input.isUnionMember,
      employedFrom: input.employedFrom ?? null,
      employedTo: null,
      status: input.status,
      source: 'manual',
      now: ctx.now(),
    });
    const created = (await workers.findById(trx, newId)) as WorkerRow;
    await audit(trx, ctx, {
      action: 'worker.create',
      entityType: 'worker',
      entityId: newId,
      orgId: org.id,
      after: auditSnapshot(ctx, created),
    });
    return newId;
  });
  return get(ctx, workerId);
}

export async function update(ctx: Ctx, workerId: string, input: UpdateWorker): Promise<WorkerDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadWorkerInScope(trx, ctx, workerId, 'workers:manage');
    if (input.orgId && input.orgId !== before.orgId) await orgService.requireOrg({ ...ctx, db: trx }, input.orgId, 'workers:manage');
    const employedFrom = input.employedFrom === undefined ? before.employedFrom : input.employedFrom;
    const employedTo = input.employedTo === undefined ? before.employedTo : input.employedTo;
    if (employedFrom && employedTo && employedTo < employedFrom) {
      throw new ValidationError([{ path: 'body.employedTo', message: 'date_range_order' }]);
    }
    const keys = input.name ? nameSearchKeys(input.name) : undefined;
    const { phone, name, ...rest } = input;
    await workers.update(trx, workerId, {
      ...rest,
      ...(keys ? { name: keys.simplified, namePinyin: keys.pinyin, nameInitials: keys.initials } : {}),
      ...(phone !== undefined ? { phoneEnc: phone ? ctx.cipher.encrypt(phone) : null } : {}),
      now: ctx.now(),
    });
    const after = (await workers.findById(trx, workerId)) as WorkerRow;
    await audit(trx, ctx, {
      action: 'worker.update',
      entityType: 'worker',
      entityId: workerId,
      orgId: after.orgId,
      before: auditSnapshot(ctx, before),
      after: auditSnapshot(ctx, after),
    });
  });
  return get(ctx, workerId);
}

export async function grantCredential(
  ctx: Ctx,
  workerId: string,
  input: GrantCredential,
  source: Credential['source'] = 'manual',
): Promise<Credential> {
  // Inside a caller's transaction (a conversion approval issues the credential atomically with it).
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) => (ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn));
  return inTransaction(async (trx) => {
    const worker = await loadWorkerInScope(trx, ctx, workerId, 'workers:manage');
    const checked = validateCredential({ ...input, birthDate: worker.birthDate, today: provinceDate(ctx.now()) });
    if (!checked.ok) throw new ValidationError(checked.errors.map((e) => ({ path: `body.${e.field}`, message: e.reason })));
    const naturalKey = credentialNaturalKey(input);
    if (await workers.findCredentialByNaturalKey(trx, workerId, input.kind, naturalKey)) {
      throw new ConflictError('credential.duplicate');
    }
    const { id } = await workers.insertCredential(trx, {
      workerId,
      regionCode: worker.regionCode,
      kind: input.kind,
      levelCode: input.levelCode ?? null,
      levelRank: checked.levelRank,
      occupationCode: input.occupationCode ?? null,
      series: input.series ?? null,
      name: input.name ?? null,
      issuer: input.issuer ?? null,
      certificateNumber: input.certificateNumber ? input.certificateNumber.toUpperCase() : null,
      naturalKey,
      issuedOn: input.issuedOn,
      equivalentTo: checked.equivalentTo,
      purposes: checked.purposes,
      source,
      now: ctx.now(),
    });
    await workers.recomputeDerived(trx, [workerId]);
    const created = toCredential((await workers.findCredential(trx, id)) as CredentialRow);
    await audit(trx, ctx, {
      action: 'credential.grant',
      entityType: 'credential',
      entityId: id,
      orgId: worker.orgId,
      after: { workerId, ...created },
    });
    return created;
  });
}

export async function revokeCredential(ctx: Ctx, credentialId: string, input: RevokeCredential): Promise<Credential> {
  return ctx.db.transaction().execute(async (trx) => {
    const credential = await workers.findCredential(trx, credentialId);
    if (!credential) throw new NotFoundError('credential');
    const worker = await loadWorkerInScope(trx, ctx, credential.workerId, 'workers:manage').catch(() => {
      throw new NotFoundError('credential');
    });
    if (credential.status === 'revoked') throw new RuleViolationError('credential.already_revoked');
    const revokedOn = input.revokedOn ?? provinceDate(ctx.now());
    if (revokedOn < credential.issuedOn) throw new ValidationError([{ path: 'body.revokedOn', message: 'revoked_before_issued' }]);
    await workers.revokeCredential(trx, credentialId, { reason: input.reason, revokedOn, now: ctx.now() });
    await workers.recomputeDerived(trx, [credential.workerId]);
    const after = toCredential((await workers.findCredential(trx, credentialId)) as CredentialRow);
    await audit(trx, ctx, {
      action: 'credential.revoke',
      entityType: 'credential',
      entityId: credentialId,
      orgId: worker.orgId,
      before: { status: credential.status },
      after: { status: 'revoked', reason: input.reason, revokedOn },
    });
    return after;
  });
}

/** Province-wide skilled and high-skilled counts as of a date, computed from the credentials. */
export async function skillFigures(ctx: Ctx, asOf: string) {
  scopeFor(ctx.actor, 'workers:read');
  if (ctx.actor.kind === 'user' && scopeFor(ctx.actor, 'workers:read').kind !== 'all') throw new ForbiddenError();
  return workers.skillFigures(ctx.db, asOf);
}

/** Links a worker record to the worker's own account, for self-service (我的档案). */
export async function linkAccount(ctx: Ctx, workerId: string, userId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const worker = await loadWorkerInScope(trx, ctx, workerId, 'workers:manage');
    await workers.update(trx, workerId, { userId, now: ctx.now() });
    await audit(trx, ctx, {
      action: 'worker.link_account',
      entityType: 'worker',
      entityId: workerId,
      orgId: worker.orgId,
      after: { userId },
    });
  });
}

/** The rank of a skill level or title code (1 = lowest); other kinds have none. */
export function levelRank(kind: string, code: string): number {
  if (kind === 'skill_level') return SKILL_LEVELS.indexOf(code as SkillLevel) + 1;
  if (kind === 'title') return TITLE_LEVELS.indexOf(code as TitleLevel) + 1;
  throw new Error(`No rank for ${kind}`);
}

/**
 * A new worker's derived levels from the valid credentials they arrive with: the same answer
 * recomputeDerived gives from the stored rows (highest skill rank, the earliest date it was reached,
 * highest title rank).
 */
export function derivedOf(credentials: { kind: string; levelRank: number; issuedOn: string }[]) {
  let highestSkillRank: number | null = null;
  let highestSkillOn: string | null = null;
  let highestTitleRank: number | null = null;
  // indicators: the first days the worker counts as skilled / high-skilled (dashboard aggregates)
  let skilledSince: string | null = null;
  let highSkilledSince: string | null = null;
  for (const c of credentials) {
    if (c.kind === 'skill_level' && (skilledSince === null || c.issuedOn < skilledSince)) skilledSince = c.issuedOn;
    if (c.kind === 'skill_level' && c.levelRank >= 4 && (highSkilledSince === null || c.issuedOn < highSkilledSince))
      highSkilledSince = c.issuedOn;
    if (c.kind === 'title') highestTitleRank = Math.max(highestTitleRank ?? 0, c.levelRank);
    if (c.kind !== 'skill_level') continue;
    if (highestSkillRank === null || c.levelRank > highestSkillRank) {
      highestSkillRank = c.levelRank;
      highestSkillOn = c.issuedOn;
    } else if (c.levelRank === highestSkillRank && highestSkillOn !== null && c.issuedOn < highestSkillOn) highestSkillOn = c.issuedOn;
  }
  return { highestSkillRank, highestSkillOn, highestTitleRank, skilledSince, highSkilledSince };
}

/** Re-derives highest level, title and high-skilled flags after bulk credential changes (imports). */
export async function refreshDerived(ctx: Ctx, workerIds: string[]): Promise<void> {
  for (let i = 0; i < workerIds.length; i += 1000) await workers.recomputeDerived(ctx.db, workerIds.slice(i, i + 1000));
}

export function canUnmask(ctx: Ctx): boolean {
  return hasPermission(ctx.actor, 'personal_data:unmask');
}

export type { SkillLevel, TitleLevel };

const SKILL_ZH = ['学徒工', '初级工', '中级工', '高级工', '技师', '高级技师', '特级技师', '首席技师'];
const TITLE_ZH = ['员级', '助理级', '中级', '副高级', '正高级'];
const STATUS_ZH: Record<string, string> = { employed: '在职', left: '离职', retired: '退休' };

/**
 * The filtered list as xlsx, streamed page by page (keyset), so any size exports in constant memory.
 * Identities stay masked; the export itself is audited.
 */
export async function exportXlsx(ctx: Ctx, query: Omit<WorkerListQuery, 'cursor' | 'limit'>): Promise<Readable> {
  scopeFor(ctx.actor, 'workers:export');
  // Validates the filters (an org outside the scope is refused) before any byte is sent.
  await list(ctx, { ...query, limit: 1 });
  await ctx.db.transaction().execute((trx) =>
    audit(trx, ctx, {
      action: 'worker.export',
      entityType: 'worker',
      orgId: ctx.actor.kind === 'user' ? ctx.actor.orgId : null,
      after: { filters: query },
    }),
  );
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('职工名册');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '身份证号（脱敏）', key: 'idNumber', width: 22 },
    { header: '工作单位', key: 'org', width: 30 },
    { header: '行政区划代码', key: 'regionCode', width: 12 },
    { header: '职业代码', key: 'occupationCode', width: 12 },
    { header: '最高技能等级', key: 'skill', width: 12 },
    { header: '取得日期', key: 'skillOn', width: 12 },
    { header: '最高职称', key: 'title', width: 10 },
    { header: '高技能人才', key: 'high', width: 10 },
    { header: '一线职工', key: 'frontline', width: 10 },
    { header: '状态', key: 'status', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      let cursor: string | undefined;
      do {
        const page = await list(ctx, { ...query, limit: 1000, cursor });
        for (const w of page.items) {
          sheet
            .addRow({
              name: w.name,
              gender: w.gender === 'male' ? '男' : '女',
              birthDate: w.birthDate,
              idNumber: w.idNumber,
              org: w.org.name,
              regionCode: w.regionCode,
              occupationCode: w.occupationCode ?? '',
              skill: w.highestSkillLevel ? SKILL_ZH[SKILL_LEVELS.indexOf(w.highestSkillLevel)] : '',
              skillOn: w.highestSkillOn ?? '',
              title: w.highestTitle ? TITLE_ZH[TITLE_LEVELS.indexOf(w.highestTitle)] : '',
              high: w.isHighSkilled ? '是' : '否',
              frontline: w.isFrontline ? '是' : '否',
              status: STATUS_ZH[w.status] ?? w.status,
            })
            .commit();
        }
        cursor = page.nextCursor ?? undefined;
        // Let the response drain before producing more.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
      } while (cursor);
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** Bulk load of already-validated rows (demo data) with COPY; the caller audits the batch as a whole. */
/** The tables a bulk load writes: the registry and its conversion facts (which the load computes itself). */
export type BulkTable = 'workers' | 'credentials' | 'conversion_facts';

export async function copyRows(ctx: Ctx, copy: CopyFn, table: BulkTable, columns: string[], batches: AsyncIterable<string>) {
  scopeFor(ctx.actor, 'workers:manage');
  return copy(table, columns, batches, { trusted: true });
}

/** Loads trusted generated rows in one transaction that rebuilds the registry's indexes at the end. */
export async function bulkLoad<T>(ctx: Ctx, database: Database, work: (copy: BulkCopy) => Promise<T>): Promise<T> {
  scopeFor(ctx.actor, 'workers:manage');
  return database.bulkLoad(['workers', 'credentials', 'conversion_facts'], work);
}

export async function analyzeAfterBulkLoad(ctx: Ctx) {
  await workers.analyze(ctx.db);
}

export type CopyFn = Database['copy'];
