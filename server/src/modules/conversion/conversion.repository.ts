import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

// ——— rule sets ———

const RULE_SET_SUMMARY = [
  'rs.id',
  'rs.code',
  'rs.version',
  'rs.nameZh',
  'rs.nameEn',
  'rs.effectiveFrom',
  'rs.effectiveTo',
  'rs.note',
  'rs.createdAt',
  'u.username as createdBy',
] as const;

function selectRuleSets(db: Db) {
  return db.selectFrom('conversionRuleSets as rs').leftJoin('users as u', 'u.id', 'rs.createdBy');
}

export type RuleSetSummaryRow = Awaited<ReturnType<typeof listRuleSets>>[number];

export function listRuleSets(db: Db) {
  return selectRuleSets(db).select(RULE_SET_SUMMARY).orderBy('rs.code').orderBy('rs.version', 'desc').orderBy('rs.id').limit(500).execute();
}

export function findRuleSet(db: Db, id: string) {
  return selectRuleSets(db)
    .select([...RULE_SET_SUMMARY, 'rs.definition'])
    .where('rs.id', '=', id)
    .executeTakeFirst();
}

export type RuleSetRow = NonNullable<Awaited<ReturnType<typeof findRuleSet>>>;

/** The version in force on a date: the latest-starting effective rule set, its newest version. */
export function findCurrentRuleSet(db: Db, asOf: string) {
  return selectRuleSets(db)
    .select([...RULE_SET_SUMMARY, 'rs.definition'])
    .where('rs.effectiveFrom', '<=', asOf)
    .where((eb) => eb.or([eb('rs.effectiveTo', 'is', null), eb('rs.effectiveTo', '>', asOf)]))
    .orderBy('rs.effectiveFrom', 'desc')
    .orderBy('rs.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function nextVersion(db: Db, code: string): Promise<number> {
  const row = await db
    .selectFrom('conversionRuleSets')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export type RuleSetValues = {
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  definition: unknown;
  note: string | null;
  createdBy: string | null;
  now: Date;
};

/** Inserts a version; a concurrent save of the same version loses on the unique key (undefined). */
export function insertRuleSet(db: Db, v: RuleSetValues) {
  return db
    .insertInto('conversionRuleSets')
    .values({
      code: v.code,
      version: v.version,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      definition: JSON.stringify(v.definition),
      note: v.note,
      createdBy: v.createdBy,
      createdAt: v.now,
    })
    .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function hasAnyRuleSet(db: Db): Promise<boolean> {
  return (await db.selectFrom('conversionRuleSets').select('id').limit(1).executeTakeFirst()) !== undefined;
}

// ——— applications ———

const APPLICATION_COLUMNS = [
  'a.id',
  'a.workerId',
  'a.regionCode',
  'a.orgId',
  'a.ruleSetId',
  'a.pathwayId',
  'a.pathwayNameZh',
  'a.pathwayNameEn',
  'a.grants',
  'a.status',
  'a.note',
  'a.submittedAt',
  'a.unitReviewedAt',
  'a.unitComment',
  'a.decidedAt',
  'a.decisionReason',
  'a.decisionRuleSetId',
  'a.certificateNumber',
  'a.issuedOn',
  'a.issuer',
  'a.credentialId',
  'a.updatedAt',
  'w.name as workerName',
  'w.userId as workerUserId',
  'o.name as orgName',
  'o.path as orgPath',
  'rs.code as ruleSetCode',
  'rs.version as ruleSetVersion',
  'rs.effectiveFrom as ruleSetEffectiveFrom',
  'su.username as submittedBy',
  'ru.username as unitReviewedBy',
  'du.username as decidedBy',
  'v.code as verificationCode',
] as const;

function selectApplications(db: Db) {
  return db
    .selectFrom('conversionApplications as a')
    .innerJoin('workers as w', 'w.id', 'a.workerId')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .innerJoin('conversionRuleSets as rs', 'rs.id', 'a.ruleSetId')
    .leftJoin('users as su', 'su.id', 'a.submittedBy')
    .leftJoin('users as ru', 'ru.id', 'a.unitReviewedBy')
    .leftJoin('users as du', 'du.id', 'a.decidedBy')
    .leftJoin('credentialVerifications as v', 'v.credentialId', 'a.credentialId')
    .select(APPLICATION_COLUMNS);
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export function findApplication(db: Db, id: string) {
  return selectApplications(db).where('a.id', '=', id).executeTakeFirst();
}

export function findApplicationEvaluation(db: Db, id: string) {
  return db.selectFrom('conversionApplications').select(['evaluation']).where('id', '=', id).executeTakeFirst();
}

export type ApplicationFilter = {
  /** Rows whose employer lies under this path, or whose worker is this user; undefined: all. */
  orgPath?: string;
  workerUserId?: string;
  statuses?: string[];
  workerId?: string;
  submittedBy?: string;
  after?: { at: Date; id: string };
  limit: number;
};

export function listApplications(db: Db, f: ApplicationFilter) {
  return selectApplications(db)
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`))
    .$if(f.workerUserId !== undefined, (q) => q.where('w.userId', '=', f.workerUserId as string))
    .$if(f.statuses !== undefined, (q) => q.where('a.status', 'in', f.statuses as string[]))
    .$if(f.workerId !== undefined, (q) => q.where('a.workerId', '=', f.workerId as string))
    .$if(f.submittedBy !== undefined, (q) => q.where('a.submittedBy', '=', f.submittedBy as string))
    .$if(f.after !== undefined, (q) => q.where(sql<boolean>`(a.submitted_at, a.id) < (${f.after?.at}, ${f.after?.id}::uuid)`))
    .orderBy('a.submittedAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .execute();
}

/** Applications of a worker still open or approved, by pathway (shown beside the evaluation). */
export function listLiveApplications(db: Db, workerId: string) {
  return db
    .selectFrom('conversionApplications')
    .select(['id', 'pathwayId', 'status'])
    .where('workerId', '=', workerId)
    .where('status', 'in', ['submitted', 'unit_approved', 'approved'])
    .orderBy('submittedAt', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

export type ApplicationValues = {
  workerId: string;
  regionCode: string;
  orgId: string;
  ruleSetId: string;
  pathwayId: string;
  pathwayNameZh: string;
  pathwayNameEn: string;
  grants: unknown;
  evaluation: unknown;
  note: string | null;
  submittedBy: string | null;
  now: Date;
};

/** Undefined when the worker already has an open application for the pathway (partial unique index). */
export function insertApplication(db: Db, v: ApplicationValues) {
  return db
    .insertInto('conversionApplications')
    .values({
      workerId: v.workerId,
      regionCode: v.regionCode,
      orgId: v.orgId,
      ruleSetId: v.ruleSetId,
      pathwayId: v.pathwayId,
      pathwayNameZh: v.pathwayNameZh,
      pathwayNameEn: v.pathwayNameEn,
      grants: JSON.stringify(v.grants),
      evaluation: JSON.stringify(v.evaluation),
      note: v.note,
      submittedBy: v.submittedBy,
      submittedAt: v.now,
      updatedAt: v.now,
    })
    .onConflict((oc) => oc.columns(['workerId', 'pathwayId']).where('status', 'in', ['submitted', 'unit_approved']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

type Transition = Partial<{
  unitReviewedBy: string | null;
  unitReviewedAt: Date;
  unitComment: string | null;
  decidedBy: string | null;
  decidedAt: Date;
  decisionReason: string | null;
  decisionRuleSetId: string;
  certificateNumber: string;
  issuedOn: string;
  issuer: string;
  credentialId: string;
}>;

/**
 * Moves an application from one status to the next only if it is still in the expected one: of two
 * reviewers acting at once, exactly one row update succeeds. Returns whether this call won.
 */
export async function transition(db: Db, id: string, from: string, to: string, values: Transition, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('conversionApplications')
    .set({ ...values, status: to, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ——— verification ———

export function insertVerificationCode(db: Db, v: { code: string; credentialId: string; applicationId: string | null; now: Date }) {
  return db
    .insertInto('credentialVerifications')
    .values({ code: v.code, credentialId: v.credentialId, applicationId: v.applicationId, createdAt: v.now })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
}

/** The credential behind a verification code, with its holder's name (masked by the caller). */
export function findVerification(db: Db, code: string) {
  return db
    .selectFrom('credentialVerifications as v')
    .innerJoin('credentials as c', 'c.id', 'v.credentialId')
    .innerJoin('workers as w', 'w.id', 'c.workerId')
    .select([
      'v.code',
      'v.applicationId',
      'v.createdAt',
      'v.statusIndex',
      'c.id as credentialId',
      'c.kind',
      'c.levelCode',
      'c.series',
      'c.occupationCode',
      'c.certificateNumber',
      'c.issuedOn',
      'c.issuer',
      'c.status',
      'c.revokedReason',
      'c.revokedOn',
      'w.name as holderName',
    ])
    .where('v.code', '=', code)
    .executeTakeFirst();
}

export function logVerification(
  db: Db,
  v: {
    code: string;
    credentialId: string | null;
    result: string;
    channel: 'page' | 'vc';
    at: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return db.insertInto('verificationLog').values(v).execute();
}

export async function countVerifications(db: Db, credentialId: string): Promise<number> {
  const row = await db
    .selectFrom('verificationLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('credentialId', '=', credentialId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ——— signing keys ———

export function findActiveSigningKey(db: Db) {
  return db
    .selectFrom('signingKeys')
    .select(['id', 'publicKey', 'privateKeyEnc'])
    .where('retiredAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export function listSigningKeys(db: Db) {
  return db.selectFrom('signingKeys').select(['id', 'publicKey', 'retiredAt']).orderBy('createdAt').orderBy('id').limit(50).execute();
}

export function insertSigningKey(db: Db, v: { id: string; publicKey: string; privateKeyEnc: string; now: Date }) {
  return db
    .insertInto('signingKeys')
    .values({ id: v.id, algorithm: 'Ed25519', publicKey: v.publicKey, privateKeyEnc: v.privateKeyEnc, createdAt: v.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Status-list positions in [from, to) whose credential is revoked. */
export async function listRevokedStatusIndexes(db: Db, from: number, to: number): Promise<number[]> {
  const rows = await db
    .selectFrom('credentialVerifications as v')
    .innerJoin('credentials as c', 'c.id', 'v.credentialId')
    .select('v.statusIndex')
    .where('v.statusIndex', '>=', from)
    .where('v.statusIndex', '<', to)
    .where('c.status', '=', 'revoked')
    .orderBy('v.statusIndex')
    .execute();
  return rows.map((r) => r.statusIndex);
}
