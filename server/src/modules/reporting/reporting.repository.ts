import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

// ——— Data elements ———

const ELEMENT_COLUMNS = [
  'e.code',
  'e.kind',
  'e.nameZh',
  'e.nameEn',
  'e.descriptionZh',
  'e.descriptionEn',
  'e.unitZh',
  'e.unitEn',
  'e.valueType',
  'e.minValue',
  'e.maxValue',
] as const;

export function listElements(db: Db, kind: 'reported') {
  return db
    .selectFrom('dataElements as e')
    .leftJoin('reportFormElements as fe', 'fe.elementCode', 'e.code')
    .leftJoin('reportForms as f', 'f.id', 'fe.formId')
    .select([...ELEMENT_COLUMNS, 'f.code as formCode'])
    .where('e.kind', '=', kind)
    .orderBy('e.code')
    .limit(1000)
    .execute();
}

export function findElement(db: Db, code: string) {
  return db.selectFrom('dataElements as e').select(ELEMENT_COLUMNS).where('e.code', '=', code).executeTakeFirst();
}

export type ElementValues = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  unitZh: string;
  unitEn: string;
  valueType: string;
  minValue: number | null;
  maxValue: number | null;
};

export async function insertElement(db: Db, values: ElementValues & { code: string; now: Date }) {
  const { now, ...rest } = values;
  await db
    .insertInto('dataElements')
    .values({ ...rest, kind: 'reported', createdAt: now, updatedAt: now })
    .execute();
}

export async function updateElement(db: Db, code: string, values: ElementValues & { now: Date }) {
  const { now, ...rest } = values;
  await db
    .updateTable('dataElements')
    .set({ ...rest, updatedAt: now })
    .where('code', '=', code)
    .execute();
}

/** Entered values outside a new range, which would make the range a lie. */
export function countValuesOutside(db: Db, code: string, min: number | null, max: number | null) {
  return db
    .selectFrom('dataValues')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('elementCode', '=', code)
    .where((eb) =>
      eb.or([
        ...(min === null ? [] : [eb('value', '<', String(min)), eb('approvedValue', '<', String(min))]),
        ...(max === null ? [] : [eb('value', '>', String(max)), eb('approvedValue', '>', String(max))]),
        eb.val(false),
      ]),
    )
    .executeTakeFirstOrThrow();
}

// ——— Forms ———

const FORM_COLUMNS = ['f.id', 'f.code', 'f.nameZh', 'f.nameEn', 'f.periodType', 'f.deadlineDays', 'f.firstPeriod', 'f.isActive'] as const;
export type FormRow = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  periodType: string;
  deadlineDays: number;
  firstPeriod: string;
  isActive: boolean;
};

export function listForms(db: Db, filter: { onlyActive?: boolean; periodType?: string } = {}): Promise<FormRow[]> {
  return db
    .selectFrom('reportForms as f')
    .select(FORM_COLUMNS)
    .$if(filter.onlyActive === true, (q) => q.where('f.isActive', '=', true))
    .$if(filter.periodType !== undefined, (q) => q.where('f.periodType', '=', filter.periodType as string))
    .orderBy('f.code')
    .orderBy('f.id')
    .limit(500)
    .execute();
}

export function findForm(db: Db, id: string): Promise<FormRow | undefined> {
  return db.selectFrom('reportForms as f').select(FORM_COLUMNS).where('f.id', '=', id).executeTakeFirst();
}

export function findFormByCode(db: Db, code: string) {
  return db.selectFrom('reportForms as f').select(FORM_COLUMNS).where('f.code', '=', code).executeTakeFirst();
}

export function listFormElements(db: Db, formIds: string[]) {
  if (formIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reportFormElements as fe')
    .innerJoin('dataElements as e', 'e.code', 'fe.elementCode')
    .select(['fe.formId', 'fe.position', ...ELEMENT_COLUMNS])
    .where('fe.formId', 'in', formIds)
    .orderBy('fe.formId')
    .orderBy('fe.position')
    .execute();
}

export function listFormRules(db: Db, formIds: string[]) {
  if (formIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reportFormRules as r')
    .select(['r.formId', 'r.leftCode', 'r.operator', 'r.rightCode', 'r.messageZh', 'r.messageEn'])
    .where('r.formId', 'in', formIds)
    .orderBy('r.formId')
    .orderBy('r.position')
    .execute();
}

export function countAssignments(db: Db, formIds: string[]) {
  if (formIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reportAssignments')
    .select(['formId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('formId', 'in', formIds)
    .groupBy('formId')
    .execute();
}

export type FormValues = Omit<FormRow, 'id'>;

export async function insertForm(db: Db, values: FormValues & { now: Date }): Promise<string> {
  const { now, ...rest } = values;
  const row = await db
    .insertInto('reportForms')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateForm(db: Db, id: string, values: Omit<FormValues, 'code'> & { now: Date }) {
  const { now, ...rest } = values;
  await db
    .updateTable('reportForms')
    .set({ ...rest, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function replaceFormContent(
  db: Db,
  formId: string,
  elementCodes: string[],
  rules: { leftCode: string; operator: string; rightCode: string; messageZh: string; messageEn: string }[],
) {
  await db.deleteFrom('reportFormElements').where('formId', '=', formId).execute();
  await db.deleteFrom('reportFormRules').where('formId', '=', formId).execute();
  await db
    .insertInto('reportFormElements')
    .values(elementCodes.map((elementCode, position) => ({ formId, elementCode, position })))
    .execute();
  if (rules.length > 0)
    await db
      .insertInto('reportFormRules')
      .values(rules.map((r, position) => ({ formId, position, ...r })))
      .execute();
}

/** Elements already collected by another form. */
export function elementsInOtherForms(db: Db, formId: string | null, codes: string[]) {
  return db
    .selectFrom('reportFormElements as fe')
    .innerJoin('reportForms as f', 'f.id', 'fe.formId')
    .select(['fe.elementCode', 'f.code as formCode'])
    .where('fe.elementCode', 'in', codes)
    .$if(formId !== null, (q) => q.where('fe.formId', '<>', formId as string))
    .execute();
}

export function listAssignedOrgs(db: Db, formId: string) {
  return db
    .selectFrom('reportAssignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .leftJoin('orgs as p', 'p.id', 'o.parentId')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'p.name as parentName'])
    .where('a.formId', '=', formId)
    .orderBy('o.code')
    .orderBy('o.id')
    .limit(5000)
    .execute();
}

export async function replaceAssignments(db: Db, formId: string, orgIds: string[], now: Date) {
  await db.deleteFrom('reportAssignments').where('formId', '=', formId).execute();
  for (let i = 0; i < orgIds.length; i += 1000)
    await db
      .insertInto('reportAssignments')
      .values(orgIds.slice(i, i + 1000).map((orgId) => ({ formId, orgId, createdAt: now })))
      .execute();
}

export function isAssigned(db: Db, formId: string, orgId: string) {
  return db.selectFrom('reportAssignments').select('orgId').where('formId', '=', formId).where('orgId', '=', orgId).executeTakeFirst();
}

// ——— Orgs, as reporting sees them ———

export function findOrgs(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path', 'depth', 'parentId']).where('id', 'in', ids).execute();
}

export function findRootOrg(db: Db) {
  return db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'kind', 'path', 'depth', 'parentId'])
    .where('depth', '=', 0)
    .executeTakeFirst();
}

export function listChildOrgs(db: Db, parentId: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'kind', 'path'])
    .where('parentId', '=', parentId)
    .orderBy('code')
    .orderBy('id')
    .limit(1000)
    .execute();
}

// ——— Submissions and values ———

const SUBMISSION_COLUMNS = [
  's.formId',
  's.orgId',
  's.period',
  's.status',
  's.awaitingOrgId',
  's.isRevision',
  's.version',
  's.firstSubmittedAt',
  's.submittedAt',
  's.submittedBy',
  's.approvedAt',
  's.returnReason',
] as const;

export function findSubmission(db: Db, key: { formId: string; orgId: string; period: string }, forUpdate = false) {
  return db
    .selectFrom('reportSubmissions as s')
    .select(SUBMISSION_COLUMNS)
    .where('s.formId', '=', key.formId)
    .where('s.orgId', '=', key.orgId)
    .where('s.period', '=', key.period)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

export async function ensureSubmission(db: Db, key: { formId: string; orgId: string; period: string }, now: Date) {
  await db
    .insertInto('reportSubmissions')
    .values({ ...key, status: 'draft', updatedAt: now })
    .onConflict((oc) => oc.columns(['formId', 'orgId', 'period']).doNothing())
    .execute();
}

/**
 * Moves a submission from the state it was read in; answers false when someone else moved it
 * first (the version no longer matches), so two approvers at once cannot both act.
 */
export async function transition(
  db: Db,
  key: { formId: string; orgId: string; period: string },
  fromVersion: number,
  set: {
    status: string;
    awaitingOrgId: string | null;
    isRevision?: boolean;
    firstSubmittedAt?: Date;
    submittedAt?: Date;
    submittedBy?: string | null;
    approvedAt?: Date;
    returnReason?: string | null;
    returnedAt?: Date | null;
    now: Date;
  },
): Promise<boolean> {
  const { now, ...values } = set;
  const result = await db
    .updateTable('reportSubmissions')
    .set({ ...values, version: sql`version + 1`, updatedAt: now })
    .where('formId', '=', key.formId)
    .where('orgId', '=', key.orgId)
    .where('period', '=', key.period)
    .where('version', '=', fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchSubmission(db: Db, key: { formId: string; orgId: string; period: string }, now: Date) {
  await db
    .updateTable('reportSubmissions')
    .set({ version: sql`version + 1`, updatedAt: now })
    .where('formId', '=', key.formId)
    .where('orgId', '=', key.orgId)
    .where('period', '=', key.period)
    .execute();
}

export async function listValues(db: Db, orgId: string, period: string, codes: string[]) {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('dataValues')
    .select(['elementCode', 'value', 'approvedValue'])
    .where('orgId', '=', orgId)
    .where('period', '=', period)
    .where('elementCode', 'in', codes)
    .execute();
  return rows.map((r) => ({
    elementCode: r.elementCode,
    value: r.value === null ? null : Number(r.value),
    approvedValue: r.approvedValue === null ? null : Number(r.approvedValue),
  }));
}

export async function upsertValues(
  db: Db,
  orgId: string,
  period: string,
  values: { elementCode: string; value: number | null }[],
  by: string | null,
  now: Date,
) {
  if (values.length === 0) return;
  await db
    .insertInto('dataValues')
    .values(values.map((v) => ({ elementCode: v.elementCode, orgId, period, value: v.value, updatedBy: by, updatedAt: now })))
    .onConflict((oc) =>
      oc.columns(['elementCode', 'period', 'orgId']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        updatedBy: eb.ref('excluded.updatedBy'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .execute();
}

/** The entered values become the approved ones: figures read them from now on. */
export async function approveValues(db: Db, orgId: string, period: string, codes: string[], by: string | null, now: Date) {
  await db
    .updateTable('dataValues')
    .set((eb) => ({
      approvedValue: eb.ref('value'),
      approvedAt: sql`case when value is null then null else ${now}::timestamptz end`,
      approvedBy: by,
    }))
    .where('orgId', '=', orgId)
    .where('period', '=', period)
    .where('elementCode', 'in', codes)
    .execute();
}

export function insertStep(
  db: Db,
  step: {
    formId: string;
    orgId: string;
    period: string;
    action: string;
    levelOrgId: string | null;
    reason: string | null;
    changes: unknown;
    actorId: string | null;
    actorName: string;
    at: Date;
  },
) {
  return db
    .insertInto('reportSteps')
    .values({ ...step, changes: step.changes === null ? null : JSON.stringify(step.changes) })
    .execute();
}

export function listSteps(db: Db, key: { formId: string; orgId: string; period: string }) {
  return db
    .selectFrom('reportSteps as st')
    .leftJoin('orgs as o', 'o.id', 'st.levelOrgId')
    .select([
      'st.action',
      'st.reason',
      'st.actorName',
      'st.at',
      'o.id as orgId',
      'o.code as orgCode',
      'o.name as orgName',
      'o.kind as orgKind',
    ])
    .where('st.formId', '=', key.formId)
    .where('st.orgId', '=', key.orgId)
    .where('st.period', '=', key.period)
    .orderBy('st.id')
    .limit(500)
    .execute();
}

/** Each assigned unit's submission state for a form's periods, over the units the scope reaches. */
export function listUnitPeriods(
  db: Db,
  f: { formIds: string[]; periods: string[]; orgFilter: (path: Expression<string>) => Expression<SqlBool> },
) {
  if (f.formIds.length === 0 || f.periods.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reportAssignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .crossJoin(sql<{ period: string }>`unnest(${sql.val(f.periods)}::text[])`.as('p'))
    .leftJoin('reportSubmissions as s', (j) =>
      j.onRef('s.formId', '=', 'a.formId').onRef('s.orgId', '=', 'a.orgId').onRef('s.period', '=', sql.ref('p.p')),
    )
    .select([
      'a.formId',
      'o.id as orgId',
      'o.code as orgCode',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.path as orgPath',
      sql<string>`p.p`.as('period'),
      's.status',
      's.firstSubmittedAt',
      's.returnReason',
    ])
    .where('a.formId', 'in', f.formIds)
    .where('o.isActive', '=', true)
    .where((eb) => f.orgFilter(eb.ref('o.path')))
    .orderBy('o.path')
    .orderBy(sql`p.p`)
    .limit(200_000)
    .execute();
}

/** Forms assigned to the given orgs (the units an actor enters for). */
export function listAssignmentsOf(db: Db, orgIds: string[]) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reportAssignments as a')
    .innerJoin('reportForms as f', 'f.id', 'a.formId')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .select([...FORM_COLUMNS, 'o.id as orgId', 'o.code as orgCode', 'o.name as orgName', 'o.kind as orgKind'])
    .where('a.orgId', 'in', orgIds)
    .where('f.isActive', '=', true)
    .orderBy('f.code')
    .orderBy('o.code')
    .limit(500)
    .execute();
}

export function listSubmissionsOf(db: Db, formIds: string[], orgIds: string[]) {
  if (formIds.length === 0 || orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reportSubmissions as s')
    .select(SUBMISSION_COLUMNS)
    .where('s.formId', 'in', formIds)
    .where('s.orgId', 'in', orgIds)
    .limit(20_000)
    .execute();
}

export function listAwaiting(db: Db, awaitingOrgId: string) {
  return db
    .selectFrom('reportSubmissions as s')
    .innerJoin('reportForms as f', 'f.id', 's.formId')
    .innerJoin('orgs as o', 'o.id', 's.orgId')
    .select([
      ...SUBMISSION_COLUMNS,
      ...FORM_COLUMNS,
      'o.code as orgCode',
      'o.name as orgName',
      'o.kind as orgKind',
      (eb) =>
        eb
          .selectFrom('dataValues as v')
          .innerJoin('reportFormElements as fe', (j) => j.onRef('fe.elementCode', '=', 'v.elementCode').onRef('fe.formId', '=', 's.formId'))
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('v.orgId', '=', 's.orgId')
          .whereRef('v.period', '=', 's.period')
          .where('v.approvedAt', 'is not', null)
          .where(sql<boolean>`v.value is distinct from v.approved_value`)
          .as('changedCount'),
    ])
    .where('s.awaitingOrgId', '=', awaitingOrgId)
    .where('s.status', '=', 'submitted')
    .orderBy('s.submittedAt')
    .orderBy('s.orgId')
    .limit(500)
    .execute();
}

/** Sum of approved values of an element over a subtree, per stored period matching a pattern. */
export function sumApproved(db: Db, f: { elementCode: string; path: string; periods: string[] }) {
  if (f.periods.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dataValues as v')
    .innerJoin('orgs as o', 'o.id', 'v.orgId')
    .select([
      'v.period',
      (eb) => eb.fn.sum<string>('v.approvedValue').as('total'),
      (eb) => eb.fn.count<number>('v.orgId').distinct().as('units'),
    ])
    .where('v.elementCode', '=', f.elementCode)
    .where('v.period', 'in', f.periods)
    .where('v.approvedValue', 'is not', null)
    .where('o.path', 'like', `${f.path}%`)
    .groupBy('v.period')
    .orderBy('v.period')
    .execute();
}

/** The demo's history in bulk: submissions with their values and steps, as the services would have left them. */
export async function insertDemoRows(
  db: Db,
  rows: {
    submissions: {
      formId: string;
      orgId: string;
      period: string;
      status: string;
      awaitingOrgId: string | null;
      isRevision: boolean;
      firstSubmittedAt: Date | null;
      submittedAt: Date | null;
      approvedAt: Date | null;
      returnReason: string | null;
      returnedAt: Date | null;
      updatedAt: Date;
    }[];
    values: {
      elementCode: string;
      orgId: string;
      period: string;
      value: number;
      approvedValue: number | null;
      approvedAt: Date | null;
      updatedAt: Date;
    }[];
    steps: {
      formId: string;
      orgId: string;
      period: string;
      action: string;
      levelOrgId: string | null;
      reason: string | null;
      actorName: string;
      at: Date;
    }[];
  },
) {
  for (let i = 0; i < rows.submissions.length; i += 1000)
    await db
      .insertInto('reportSubmissions')
      .values(rows.submissions.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < rows.values.length; i += 1000)
    await db
      .insertInto('dataValues')
      .values(rows.values.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < rows.steps.length; i += 1000)
    await db
      .insertInto('reportSteps')
      .values(rows.steps.slice(i, i + 1000))
      .execute();
}
