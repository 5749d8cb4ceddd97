import {
  type ApprovalItem,
  type ApprovedSum,
  type Completeness,
  type CompletenessCounts,
  type CompletenessQuery,
  type CreateReportedElement,
  checkEntry,
  checkValue,
  type DataElement,
  type Entry,
  type EntryParams,
  type EntryViolation,
  type FieldError,
  type FormRef,
  type FormRule,
  type OrgKind,
  type OrgRef,
  type PeriodType,
  type ReportedElementList,
  type ReportForm,
  type ReportingInbox,
  type ReportingInboxItem,
  type ReturnEntry,
  type SaveEntry,
  type SaveReportForm,
  type SubmissionStatus,
  type SumQuery,
  type Transition,
  type UpdateReportedElement,
} from '@changai/contracts';
import { addDays, type Period, parsePeriod, periodsBetween, provinceDate } from '@changai/domain';
import { type Expression, sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import { hasPermission, isPathInScope, type Scope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as repo from './reporting.repository.js';
import { readUpload, writeTemplate } from './reporting.xlsx.js';

const today = (ctx: Ctx) => provinceDate(ctx.now());

type OrgLike = { id: string; code: string; name: string; kind: string };
const orgRef = (o: OrgLike): OrgRef => ({ id: o.id, code: o.code, name: o.name, kind: o.kind as OrgKind });
const formRef = (f: repo.FormRow): FormRef => ({
  id: f.id,
  code: f.code,
  nameZh: f.nameZh,
  nameEn: f.nameEn,
  periodType: f.periodType as PeriodType,
});

type ElementRow = Awaited<ReturnType<typeof repo.listFormElements>>[number] | NonNullable<Awaited<ReturnType<typeof repo.findElement>>>;
const toElement = (e: ElementRow): DataElement => ({
  code: e.code,
  kind: e.kind as DataElement['kind'],
  nameZh: e.nameZh,
  nameEn: e.nameEn,
  descriptionZh: e.descriptionZh,
  descriptionEn: e.descriptionEn,
  unitZh: e.unitZh,
  unitEn: e.unitEn,
  valueType: e.valueType as DataElement['valueType'],
  minValue: e.minValue === null ? null : Number(e.minValue),
  maxValue: e.maxValue === null ? null : Number(e.maxValue),
});

/** A unit must submit a period's data by this day: the period's last day plus the form's deadline. */
export function dueOn(form: Pick<repo.FormRow, 'deadlineDays'>, period: string): string {
  const p = parsePeriod(period);
  if (!p) throw new RuleViolationError('reporting.period_invalid');
  return addDays(p.endsOn, form.deadlineDays);
}

/** The form's periods from its first one up to the one running on `asOf` (open for entry), oldest first. */
export function startedPeriods(form: Pick<repo.FormRow, 'periodType' | 'firstPeriod'>, asOf: string): Period[] {
  const first = parsePeriod(form.firstPeriod);
  if (!first) return [];
  return periodsBetween(form.periodType as PeriodType, first.startsOn, asOf);
}

/** The orgs that approve a unit's data, nearest first: its ancestors up to the province root. */
function chainIds(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1).reverse();
}

/**
 * The org whose level this actor approves at: a province-wide grant approves at the root, a subtree
 * grant at the actor's own org. Each level is approved by the next org up, never skipped.
 */
async function approverOrgId(db: Db, ctx: Ctx): Promise<string | undefined> {
  if (!hasPermission(ctx.actor, 'data:approve')) return undefined;
  const scope = scopeFor(ctx.actor, 'data:approve');
  if (scope.kind === 'all') return (await repo.findRootOrg(db))?.id;
  if (scope.kind === 'subtree' && ctx.actor.kind === 'user') return ctx.actor.orgId;
  return undefined;
}

const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const actorName = (ctx: Ctx) =>
  ctx.actor.kind === 'user' ? ctx.actor.displayName : ctx.actor.kind === 'system' ? `system:${ctx.actor.name}` : 'anonymous';

const violationMessage = (v: EntryViolation) => {
  const params = new URLSearchParams(Object.entries(v.params).map(([k, x]): [string, string] => [k, String(x)])).toString();
  return `reporting.check.${v.reason}${params ? `?${params}` : ''}`;
};

// ——— Reported data elements ———

export async function listElements(ctx: Ctx): Promise<ReportedElementList> {
  scopeFor(ctx.actor, 'indicators:manage');
  const rows = await repo.listElements(ctx.db, 'reported');
  return { items: rows.map((r) => ({ ...toElement(r), formCode: r.formCode })) };
}

function checkRange(input: UpdateReportedElement) {
  if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue)
    throw new ValidationError([{ path: 'maxValue', message: 'reporting.range_inverted' }]);
}

export async function createElement(ctx: Ctx, input: CreateReportedElement): Promise<DataElement> {
  scopeFor(ctx.actor, 'indicators:manage');
  checkRange(input);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findElement(trx, input.code)) throw new ConflictError('reporting.element_code_taken', { code: input.code });
    await repo.insertElement(trx, { ...input, now: ctx.now() });
    await audit(trx, ctx, { action: 'reporting.element_create', entityType: 'data_element', entityId: input.code, after: input });
    return toElement((await repo.findElement(trx, input.code)) as ElementRow);
  });
}

export async function updateElement(ctx: Ctx, code: string, input: UpdateReportedElement): Promise<DataElement> {
  scopeFor(ctx.actor, 'indicators:manage');
  checkRange(input);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findElement(trx, code);
    if (before?.kind !== 'reported' || !before) throw new NotFoundError('data_element');
    const outside = await repo.countValuesOutside(trx, code, input.minValue, input.maxValue);
    if (Number(outside.n) > 0) throw new RuleViolationError('reporting.range_excludes_values', { count: Number(outside.n) });
    await repo.updateElement(trx, code, { ...input, now: ctx.now() });
    await audit(trx, ctx, {
      action: 'reporting.element_update',
      entityType: 'data_element',
      entityId: code,
      before: toElement(before),
      after: input,
    });
    return toElement((await repo.findElement(trx, code)) as ElementRow);
  });
}

// ——— Forms ———

async function formsWithContent(db: Db, rows: repo.FormRow[]): Promise<ReportForm[]> {
  const ids = rows.map((r) => r.id);
  const [elements, rules, counts] = await Promise.all([
    repo.listFormElements(db, ids),
    repo.listFormRules(db, ids),
    repo.countAssignments(db, ids),
  ]);
  return rows.map((f) => ({
    ...formRef(f),
    deadlineDays: f.deadlineDays,
    firstPeriod: f.firstPeriod,
    isActive: f.isActive,
    elements: elements.filter((e) => e.formId === f.id).map(toElement),
    rules: rules.filter((r) => r.formId === f.id).map((r) => ({ ...r, operator: r.operator as FormRule['operator'] })),
    assignedCount: Number(counts.find((c) => c.formId === f.id)?.n ?? 0),
  }));
}

export async function listForms(ctx: Ctx): Promise<{ items: ReportForm[] }> {
  scopeFor(ctx.actor, 'indicators:manage');
  return { items: await formsWithContent(ctx.db, await repo.listForms(ctx.db)) };
}

async function loadForm(db: Db, formId: string) {
  const form = await repo.findForm(db, formId);
  if (!form) throw new NotFoundError('report_form');
  return form;
}

export async function getForm(ctx: Ctx, formId: string, db: Db = ctx.db): Promise<ReportForm> {
  scopeFor(ctx.actor, 'indicators:manage');
  const [form] = await formsWithContent(db, [await loadForm(db, formId)]);
  return form as ReportForm;
}

async function checkFormInput(db: Db, formId: string | null, input: SaveReportForm) {
  const fields: FieldError[] = [];
  const codes = input.elementCodes;
  if (new Set(codes).size !== codes.length) fields.push({ path: 'elementCodes', message: 'reporting.duplicate_element' });
  if (parsePeriod(input.firstPeriod)?.type !== input.periodType)
    fields.push({ path: 'firstPeriod', message: 'reporting.period_type_mismatch' });
  for (const [i, code] of codes.entries()) {
    const element = await repo.findElement(db, code);
    if (element?.kind !== 'reported') fields.push({ path: `elementCodes.${i}`, message: 'reporting.not_reported_element' });
  }
  input.rules.forEach((r, i) => {
    if (!codes.includes(r.leftCode)) fields.push({ path: `rules.${i}.leftCode`, message: 'reporting.rule_element_not_on_form' });
    if (!codes.includes(r.rightCode)) fields.push({ path: `rules.${i}.rightCode`, message: 'reporting.rule_element_not_on_form' });
    if (r.leftCode === r.rightCode) fields.push({ path: `rules.${i}.rightCode`, message: 'reporting.rule_same_element' });
  });
  if (fields.length > 0) throw new ValidationError(fields);
  const taken = await repo.elementsInOtherForms(db, formId, codes);
  if (taken[0]) throw new ConflictError('reporting.element_on_other_form', { code: taken[0].elementCode, form: taken[0].formCode });
}

export async function createForm(ctx: Ctx, input: SaveReportForm): Promise<ReportForm> {
  scopeFor(ctx.actor, 'indicators:manage');
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findFormByCode(trx, input.code)) throw new ConflictError('reporting.form_code_taken', { code: input.code });
    await checkFormInput(trx, null, input);
    const { elementCodes, rules, ...values } = input;
    const id = await repo.insertForm(trx, { ...values, now: ctx.now() });
    await repo.replaceFormContent(trx, id, elementCodes, rules);
    await audit(trx, ctx, { action: 'reporting.form_create', entityType: 'report_form', entityId: id, after: input });
    return getForm(ctx, id, trx);
  });
}

export async function updateForm(ctx: Ctx, formId: string, input: SaveReportForm): Promise<ReportForm> {
  scopeFor(ctx.actor, 'indicators:manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getForm(ctx, formId, trx);
    if (input.code !== before.code) throw new ValidationError([{ path: 'code', message: 'reporting.form_code_immutable' }]);
    if (input.periodType !== before.periodType)
      throw new ValidationError([{ path: 'periodType', message: 'reporting.period_type_immutable' }]);
    await checkFormInput(trx, formId, input);
    const { elementCodes, rules, code: _code, ...values } = input;
    await repo.updateForm(trx, formId, { ...values, now: ctx.now() });
    await repo.replaceFormContent(trx, formId, elementCodes, rules);
    await audit(trx, ctx, { action: 'reporting.form_update', entityType: 'report_form', entityId: formId, before, after: input });
    return getForm(ctx, formId, trx);
  });
}

export async function assignments(ctx: Ctx, formId: string) {
  scopeFor(ctx.actor, 'indicators:manage');
  await loadForm(ctx.db, formId);
  const rows = await repo.listAssignedOrgs(ctx.db, formId);
  return { orgs: rows.map((r) => ({ ...orgRef(r), parentName: r.parentName })) };
}

export async function setAssignments(ctx: Ctx, formId: string, orgIds: string[]) {
  scopeFor(ctx.actor, 'indicators:manage');
  const ids = [...new Set(orgIds)];
  await ctx.db.transaction().execute(async (trx) => {
    await loadForm(trx, formId);
    const found = await repo.findOrgs(trx, ids);
    const missing = ids.filter((id) => !found.some((o) => o.id === id));
    if (missing.length > 0)
      throw new ValidationError(
        missing.slice(0, 20).map((id) => ({ path: `orgIds.${ids.indexOf(id)}`, message: 'reporting.org_unknown' })),
      );
    if (found.some((o) => o.depth === 0)) throw new RuleViolationError('reporting.root_not_assignable');
    const before = (await repo.listAssignedOrgs(trx, formId)).map((o) => o.code);
    await repo.replaceAssignments(trx, formId, ids, ctx.now());
    await audit(trx, ctx, {
      action: 'reporting.form_assign',
      entityType: 'report_form',
      entityId: formId,
      before: { orgs: before.length },
      after: {
        orgs: ids.length,
        added: found
          .map((o) => o.code)
          .filter((c) => !before.includes(c))
          .slice(0, 200),
      },
    });
  });
  return assignments(ctx, formId);
}

// ——— One unit's entry for a period ———

type Key = EntryParams;
type Loaded = {
  form: repo.FormRow;
  elements: DataElement[];
  rules: FormRule[];
  org: { id: string; code: string; name: string; kind: string; path: string };
  submission: repo.SubmissionRow | undefined;
  status: SubmissionStatus;
};

async function loadEntry(db: Db, ctx: Ctx, key: Key, forUpdate = false): Promise<Loaded> {
  const scope = scopeFor(ctx.actor, 'data:enter');
  const [org] = await repo.findOrgs(db, [key.orgId]);
  if (!org || !isPathInScope(scope, org.path)) throw new NotFoundError('org');
  const form = await repo.findForm(db, key.formId);
  if (!form || !(await repo.isAssigned(db, form.id, org.id))) throw new NotFoundError('report_form');
  const period = parsePeriod(key.period);
  if (!period || period.type !== form.periodType) throw new RuleViolationError('reporting.period_type_mismatch');
  if (key.period < form.firstPeriod) throw new RuleViolationError('reporting.period_before_form', { first: form.firstPeriod });
  if (period.startsOn > today(ctx)) throw new RuleViolationError('reporting.period_not_started', { period: key.period });
  const [elements, rules] = await Promise.all([repo.listFormElements(db, [form.id]), repo.listFormRules(db, [form.id])]);
  const submission = await repo.findSubmission(db, key, forUpdate);
  return {
    form,
    elements: elements.map(toElement),
    rules: rules.map((r) => ({ ...r, operator: r.operator as FormRule['operator'] })),
    org,
    submission,
    status: (submission?.status ?? 'not_started') as SubmissionStatus,
  };
}

const isEditable = (status: SubmissionStatus) => status === 'not_started' || status === 'draft' || status === 'returned';

async function toEntry(db: Db, ctx: Ctx, loaded: Loaded, key: Key): Promise<Entry> {
  const { form, elements, rules, org, submission, status } = loaded;
  const chain = await repo.findOrgs(db, chainIds(org.path));
  const ordered = chainIds(org.path)
    .map((id) => chain.find((o) => o.id === id))
    .filter((o) => o !== undefined);
  const [values, steps, approver] = await Promise.all([
    repo.listValues(
      db,
      org.id,
      key.period,
      elements.map((e) => e.code),
    ),
    submission ? repo.listSteps(db, key) : Promise.resolve([]),
    approverOrgId(db, ctx),
  ]);
  const awaiting = submission?.awaitingOrgId ? ordered.find((o) => o.id === submission.awaitingOrgId) : undefined;
  return {
    form: {
      ...formRef(form),
      deadlineDays: form.deadlineDays,
      firstPeriod: form.firstPeriod,
      isActive: form.isActive,
      elements,
      rules,
    },
    org: orgRef(org),
    period: key.period,
    dueOn: dueOn(form, key.period),
    status,
    awaitingOrg: awaiting ? orgRef(awaiting) : null,
    chain: ordered.map(orgRef),
    isRevision: submission?.isRevision ?? false,
    version: submission?.version ?? 0,
    returnReason: status === 'returned' ? (submission?.returnReason ?? null) : null,
    canEdit: isEditable(status),
    canSubmit: isEditable(status) && ordered.length > 0,
    canReopen: status === 'approved',
    canApprove: status === 'submitted' && approver !== undefined && submission?.awaitingOrgId === approver,
    values: elements.map((e) => {
      const v = values.find((x) => x.elementCode === e.code);
      const value = v?.value ?? null;
      const approvedValue = v?.approvedValue ?? null;
      return { elementCode: e.code, value, approvedValue, isChanged: approvedValue !== null && value !== approvedValue };
    }),
    steps: steps.map((s) => ({
      action: s.action as Entry['steps'][number]['action'],
      levelOrg: s.orgId ? orgRef({ id: s.orgId, code: s.orgCode as string, name: s.orgName as string, kind: s.orgKind as string }) : null,
      reason: s.reason,
      actorName: s.actorName,
      at: s.at,
    })),
  };
}

export async function getEntry(ctx: Ctx, key: Key, db: Db = ctx.db): Promise<Entry> {
  return toEntry(db, ctx, await loadEntry(db, ctx, key), key);
}

function checkValues(loaded: Loaded, values: SaveEntry['values'], pathOf: (code: string) => string = (c) => `values.${c}`) {
  const fields: FieldError[] = [];
  for (const [code, value] of Object.entries(values)) {
    const element = loaded.elements.find((e) => e.code === code);
    if (!element) {
      fields.push({ path: pathOf(code), message: 'reporting.element_not_on_form' });
      continue;
    }
    const violation = checkValue(element, value);
    if (violation) fields.push({ path: pathOf(code), message: violationMessage(violation) });
  }
  return fields;
}

async function writeValues(trx: Db, ctx: Ctx, loaded: Loaded, key: Key, values: SaveEntry['values'], via: 'grid' | 'xlsx') {
  if (!isEditable(loaded.status)) throw new RuleViolationError(`reporting.locked_${loaded.status}`);
  const current = await repo.listValues(trx, key.orgId, key.period, Object.keys(values));
  const changes = Object.entries(values)
    .map(([elementCode, value]) => ({ elementCode, before: current.find((c) => c.elementCode === elementCode)?.value ?? null, value }))
    .filter((c) => c.before !== c.value);
  await repo.ensureSubmission(trx, key, ctx.now());
  await repo.upsertValues(
    trx,
    key.orgId,
    key.period,
    changes.map((c) => ({ elementCode: c.elementCode, value: c.value })),
    actorId(ctx),
    ctx.now(),
  );
  await repo.touchSubmission(trx, key, ctx.now());
  await audit(trx, ctx, {
    action: 'reporting.save',
    entityType: 'report_entry',
    entityId: `${loaded.form.code}/${loaded.org.code}/${key.period}`,
    orgId: key.orgId,
    before: Object.fromEntries(changes.map((c) => [c.elementCode, c.before])),
    after: { ...Object.fromEntries(changes.map((c) => [c.elementCode, c.value])), via },
  });
}

/** Saves entered values (all or some of the form's elements); each must fit its element's type and range. */
export async function save(ctx: Ctx, key: Key, input: SaveEntry): Promise<Entry> {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadEntry(trx, ctx, key, true);
    const fields = checkValues(loaded, input.values);
    if (fields.length > 0) throw new ValidationError(fields);
    await writeValues(trx, ctx, loaded, key, input.values, 'grid');
    return getEntry(ctx, key, trx);
  });
}

function assertVersion(loaded: Loaded, version: number) {
  if ((loaded.submission?.version ?? 0) !== version) throw new ConflictError('reporting.changed_meanwhile');
}

async function moved(trx: Db, key: Key, loaded: Loaded, set: Parameters<typeof repo.transition>[3]) {
  if (!(await repo.transition(trx, key, loaded.submission?.version ?? 0, set))) throw new ConflictError('reporting.changed_meanwhile');
}

async function diffOf(trx: Db, loaded: Loaded, key: Key) {
  const values = await repo.listValues(
    trx,
    key.orgId,
    key.period,
    loaded.elements.map((e) => e.code),
  );
  return values.filter((v) => v.approvedValue !== null && v.value !== v.approvedValue);
}

async function recordStep(
  trx: Db,
  ctx: Ctx,
  loaded: Loaded,
  key: Key,
  step: { action: string; levelOrgId: string | null; reason?: string; changes?: unknown },
) {
  await repo.insertStep(trx, {
    ...key,
    action: step.action,
    levelOrgId: step.levelOrgId,
    reason: step.reason ?? null,
    changes: step.changes ?? null,
    actorId: actorId(ctx),
    actorName: actorName(ctx),
    at: ctx.now(),
  });
  await audit(trx, ctx, {
    action: `reporting.${step.action}`,
    entityType: 'report_entry',
    entityId: `${loaded.form.code}/${loaded.org.code}/${key.period}`,
    orgId: key.orgId,
    before: { status: loaded.status, version: loaded.submission?.version ?? 0 },
    after: { levelOrgId: step.levelOrgId, reason: step.reason, changes: step.changes },
  });
}

/** The unit submits a complete, rule-abiding entry to the next org up. */
export async function submit(ctx: Ctx, key: Key, input: Transition): Promise<Entry> {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadEntry(trx, ctx, key, true);
    if (!isEditable(loaded.status) || !loaded.submission)
      throw new RuleViolationError('reporting.illegal_transition', { status: loaded.status });
    assertVersion(loaded, input.version);
    const values = await repo.listValues(
      trx,
      key.orgId,
      key.period,
      loaded.elements.map((e) => e.code),
    );
    const byCode = Object.fromEntries(values.map((v) => [v.elementCode, v.value]));
    const violations = checkEntry(loaded.elements, loaded.rules, byCode, { complete: true });
    if (violations.length > 0)
      throw new RuleViolationError(
        'reporting.entry_invalid',
        { count: violations.length },
        violations.map((v) => ({ path: `values.${v.elementCode}`, message: violationMessage(v) })),
      );
    const next = chainIds(loaded.org.path)[0];
    if (!next) throw new RuleViolationError('reporting.no_approver');
    const now = ctx.now();
    await moved(trx, key, loaded, {
      status: 'submitted',
      awaitingOrgId: next,
      submittedAt: now,
      submittedBy: actorId(ctx),
      firstSubmittedAt: loaded.submission.firstSubmittedAt ?? now,
      returnReason: null,
      returnedAt: null,
      now,
    });
    await recordStep(trx, ctx, loaded, key, {
      action: 'submit',
      levelOrgId: next,
      changes: loaded.submission.isRevision ? await diffOf(trx, loaded, key) : undefined,
    });
    return getEntry(ctx, key, trx);
  });
}

async function loadForDecision(trx: Db, ctx: Ctx, key: Key, version: number) {
  scopeFor(ctx.actor, 'data:approve');
  const loaded = await loadEntry(trx, ctx, key, true);
  if (loaded.status !== 'submitted' || !loaded.submission?.awaitingOrgId)
    throw new RuleViolationError('reporting.illegal_transition', { status: loaded.status });
  assertVersion(loaded, version);
  const approver = await approverOrgId(trx, ctx);
  if (approver !== loaded.submission.awaitingOrgId) throw new ForbiddenError('reporting.not_your_level');
  return { loaded, level: loaded.submission.awaitingOrgId };
}

/** The awaited org approves: the entry moves one org up, or at the top becomes the approved figure. */
export async function approve(ctx: Ctx, key: Key, input: Transition): Promise<Entry> {
  return ctx.db.transaction().execute(async (trx) => {
    const { loaded, level } = await loadForDecision(trx, ctx, key, input.version);
    const chain = chainIds(loaded.org.path);
    const next = chain[chain.indexOf(level) + 1];
    const now = ctx.now();
    const changes = await diffOf(trx, loaded, key);
    if (next) await moved(trx, key, loaded, { status: 'submitted', awaitingOrgId: next, now });
    else {
      await moved(trx, key, loaded, { status: 'approved', awaitingOrgId: null, isRevision: false, approvedAt: now, now });
      await repo.approveValues(
        trx,
        key.orgId,
        key.period,
        loaded.elements.map((e) => e.code),
        actorId(ctx),
        now,
      );
    }
    await recordStep(trx, ctx, loaded, key, { action: 'approve', levelOrgId: level, changes: changes.length > 0 ? changes : undefined });
    return getEntry(ctx, key, trx);
  });
}

/** The awaited org returns the entry to the unit with a reason; the unit corrects and resubmits. */
export async function returnEntry(ctx: Ctx, key: Key, input: ReturnEntry): Promise<Entry> {
  return ctx.db.transaction().execute(async (trx) => {
    const { loaded, level } = await loadForDecision(trx, ctx, key, input.version);
    const now = ctx.now();
    await moved(trx, key, loaded, { status: 'returned', awaitingOrgId: null, returnReason: input.reason, returnedAt: now, now });
    await recordStep(trx, ctx, loaded, key, { action: 'return', levelOrgId: level, reason: input.reason });
    return getEntry(ctx, key, trx);
  });
}

/** Unlocks approved data for a correction; figures keep the approved values until it is approved again. */
export async function reopen(ctx: Ctx, key: Key, input: Transition): Promise<Entry> {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadEntry(trx, ctx, key, true);
    if (loaded.status !== 'approved') throw new RuleViolationError('reporting.illegal_transition', { status: loaded.status });
    assertVersion(loaded, input.version);
    await moved(trx, key, loaded, { status: 'draft', awaitingOrgId: null, isRevision: true, now: ctx.now() });
    await recordStep(trx, ctx, loaded, key, { action: 'reopen', levelOrgId: null });
    return getEntry(ctx, key, trx);
  });
}

// ——— xlsx template and upload ———

export async function template(ctx: Ctx, key: Key) {
  const entry = await getEntry(ctx, key);
  return { fileName: `${entry.form.nameZh}-${entry.org.name}-${entry.period}.xlsx`, buffer: await writeTemplate(entry) };
}

/** Applies an uploaded template as a whole, or nothing: any bad cell refuses the file with a per-cell report. */
export async function upload(ctx: Ctx, key: Key, openFile: () => Promise<{ stream: AsyncIterable<Buffer> }>): Promise<Entry> {
  // An entry out of scope is invisible before any file is read.
  await loadEntry(ctx.db, ctx, key);
  const file = await openFile();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.stream) {
    size += chunk.length;
    if (size > 5 * 1024 * 1024)
      throw new ValidationError([{ path: 'file', message: 'reporting.upload_too_large' }], 'reporting.upload_invalid');
    chunks.push(chunk);
  }
  const sheet = await readUpload(Buffer.concat(chunks));
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadEntry(trx, ctx, key, true);
    if (sheet.formCode !== loaded.form.code || sheet.orgCode !== loaded.org.code || sheet.period !== key.period)
      throw new ValidationError([{ path: 'file', message: 'reporting.template_mismatch' }], 'reporting.upload_invalid');
    const fields: FieldError[] = [...sheet.errors];
    const values: SaveEntry['values'] = {};
    const cellOf = new Map<string, string>();
    for (const row of sheet.rows) {
      cellOf.set(row.code, row.cell);
      if (!loaded.elements.some((e) => e.code === row.code)) fields.push({ path: row.cell, message: 'reporting.element_not_on_form' });
      else values[row.code] = row.value;
    }
    fields.push(...checkValues(loaded, values, (code) => cellOf.get(code) ?? code));
    if (fields.length > 0) throw new ValidationError(fields, 'reporting.upload_invalid');
    await writeValues(trx, ctx, loaded, key, values, 'xlsx');
    return getEntry(ctx, key, trx);
  });
}

// ——— Inbox and approval queue ———

function stateOf(status: SubmissionStatus, due: string, asOf: string): ReportingInboxItem['state'] | undefined {
  if (status === 'returned') return 'returned';
  if (status === 'not_started' || status === 'draft') return due < asOf ? 'overdue' : 'due';
  return undefined;
}

/** The forms the actor's own unit must fill: due, overdue and returned, most urgent first; and what awaits their approval. */
export async function inbox(ctx: Ctx): Promise<ReportingInbox> {
  scopeFor(ctx.actor, 'data:enter');
  const asOf = today(ctx);
  const orgIds = ctx.actor.kind === 'user' ? [ctx.actor.orgId] : [];
  const assigned = await repo.listAssignmentsOf(ctx.db, orgIds);
  const submissions = await repo.listSubmissionsOf(ctx.db, [...new Set(assigned.map((a) => a.id))], orgIds);
  const items: ReportingInboxItem[] = [];
  for (const a of assigned) {
    for (const p of startedPeriods(a, asOf)) {
      const s = submissions.find((x) => x.formId === a.id && x.orgId === a.orgId && x.period === p.code);
      const status = (s?.status ?? 'not_started') as SubmissionStatus;
      const due = dueOn(a, p.code);
      const state = stateOf(status, due, asOf);
      if (!state) continue;
      items.push({
        form: formRef(a),
        org: orgRef({ id: a.orgId, code: a.orgCode, name: a.orgName, kind: a.orgKind }),
        period: p.code,
        dueOn: due,
        state,
        status,
        returnReason: status === 'returned' ? (s?.returnReason ?? null) : null,
      });
    }
  }
  const rank = { returned: 0, overdue: 1, due: 2 } as const;
  items.sort((x, y) => rank[x.state] - rank[y.state] || x.dueOn.localeCompare(y.dueOn) || x.form.code.localeCompare(y.form.code));
  const approver = await approverOrgId(ctx.db, ctx);
  const awaiting = approver ? await repo.listAwaiting(ctx.db, approver) : [];
  return {
    items: items.slice(0, 200),
    counts: {
      due: items.filter((i) => i.state === 'due').length,
      overdue: items.filter((i) => i.state === 'overdue').length,
      returned: items.filter((i) => i.state === 'returned').length,
      awaitingApproval: awaiting.length,
    },
  };
}

/** Submissions waiting at the actor's level, oldest first; revisions show how many values changed. */
export async function approvals(ctx: Ctx): Promise<{ items: ApprovalItem[] }> {
  scopeFor(ctx.actor, 'data:approve');
  const approver = await approverOrgId(ctx.db, ctx);
  const rows = approver ? await repo.listAwaiting(ctx.db, approver) : [];
  return {
    items: rows.map((r) => {
      const due = dueOn(r, r.period);
      return {
        form: formRef(r),
        org: orgRef({ id: r.orgId, code: r.orgCode, name: r.orgName, kind: r.orgKind }),
        period: r.period,
        dueOn: due,
        submittedAt: r.submittedAt as Date,
        isLate: r.firstSubmittedAt ? provinceDate(r.firstSubmittedAt) > due : false,
        isRevision: r.isRevision,
        changedCount: Number(r.changedCount ?? 0),
        version: r.version,
      };
    }),
  };
}

// ——— Completeness, timeliness and figures over a subtree ———

async function subtreeRoot(ctx: Ctx, orgId: string | undefined, scope: Scope) {
  if (orgId) return orgService.requireOrg(ctx, orgId, 'indicators:read');
  if (scope.kind === 'subtree' && ctx.actor.kind === 'user') return orgService.requireOrg(ctx, ctx.actor.orgId, 'indicators:read');
  const root = await repo.findRootOrg(ctx.db);
  if (!root) throw new NotFoundError('org');
  return root;
}

const PERIOD_RANK: Record<PeriodType, number> = { year: 0, quarter: 1, month: 2 };
const emptyCounts = (): CompletenessCounts => ({ expected: 0, submitted: 0, onTime: 0, approved: 0, overdue: 0, returned: 0 });

/**
 * How completely and timely the units of an org subtree reported a form for a period (a year counts
 * each of its quarters or months that has begun), in all and per child org.
 */
export async function completeness(ctx: Ctx, query: CompletenessQuery): Promise<Completeness> {
  const scope = scopeFor(ctx.actor, 'indicators:read');
  const asked = parsePeriod(query.period);
  if (!asked) throw new ValidationError([{ path: 'period', message: 'period.invalid' }]);
  const root = await subtreeRoot(ctx, query.orgId, scope);
  const all = await repo.listForms(ctx.db, { onlyActive: true });
  const forms = all
    .filter((f) => PERIOD_RANK[f.periodType as PeriodType] >= PERIOD_RANK[asked.type])
    .sort((a, b) => PERIOD_RANK[a.periodType as PeriodType] - PERIOD_RANK[b.periodType as PeriodType] || a.code.localeCompare(b.code));
  const form = query.formId ? forms.find((f) => f.id === query.formId) : forms[0];
  if (query.formId && !form) throw new NotFoundError('report_form');
  const asOf = today(ctx);
  const base = { forms: forms.map(formRef), org: orgRef(root), period: query.period };
  if (!form) return { ...base, form: null, periods: [], totals: emptyCounts(), byOrg: [] };
  const periods = periodsBetween(form.periodType as PeriodType, asked.startsOn, asked.endsOn).filter(
    (p) => p.code >= form.firstPeriod && p.startsOn <= asOf,
  );
  const rows = await repo.listUnitPeriods(ctx.db, {
    formIds: [form.id],
    periods: periods.map((p) => p.code),
    orgFilter: (path) => pathInSubtree(root.path, path),
  });
  const children = await repo.listChildOrgs(ctx.db, root.id);
  const totals = emptyCounts();
  const byChild = new Map<string, CompletenessCounts>();
  for (const r of rows) {
    const due = dueOn(form, r.period);
    const status = r.status ?? 'not_started';
    const isIn = status === 'submitted' || status === 'approved';
    const child = children.find((c) => r.orgPath.startsWith(c.path));
    const groupId = child?.id ?? root.id;
    const group = byChild.get(groupId) ?? emptyCounts();
    byChild.set(groupId, group);
    for (const c of [totals, group]) {
      c.expected++;
      if (isIn) c.submitted++;
      if (r.firstSubmittedAt && provinceDate(r.firstSubmittedAt) <= due && status !== 'draft' && status !== 'returned') c.onTime++;
      if (status === 'approved') c.approved++;
      if (status === 'returned') c.returned++;
      if (!isIn && due < asOf) c.overdue++;
    }
  }
  const groups = [...children, root];
  const byOrg = [...byChild.entries()].map(([id, counts]) => ({ org: orgRef(groups.find((g) => g.id === id) as OrgLike), ...counts }));
  byOrg.sort((a, b) => (a.org.id === root.id ? 1 : 0) - (b.org.id === root.id ? 1 : 0) || a.org.code.localeCompare(b.org.code));
  return { ...base, form: formRef(form), periods: periods.map((p) => p.code), totals, byOrg };
}

const pathInSubtree = (rootPath: string, path: Expression<string>) => sql<boolean>`${path} like ${`${rootPath}%`}`;

/** Every period code of any type that lies within a period ("2020" → 2020, its quarters and months). */
function codesWithin(p: Period): string[] {
  const year = p.code.slice(0, 4);
  if (p.type === 'month') return [p.code];
  const months = periodsBetween('month', p.startsOn, p.endsOn).map((m) => m.code);
  if (p.type === 'quarter') return [p.code, ...months];
  return [year, ...periodsBetween('quarter', p.startsOn, p.endsOn).map((q) => q.code), ...months];
}

/**
 * The sum of an element's approved values over an org subtree for a period (the values of every
 * reporting period within it), and per sub-period when asked. Only fully approved values count.
 */
export async function sumApproved(ctx: Ctx, query: SumQuery): Promise<ApprovedSum> {
  const scope = scopeFor(ctx.actor, 'indicators:read');
  const asked = parsePeriod(query.period);
  if (!asked) throw new ValidationError([{ path: 'period', message: 'period.invalid' }]);
  if (query.by && PERIOD_RANK[query.by] < PERIOD_RANK[asked.type])
    throw new ValidationError([{ path: 'by', message: 'reporting.by_coarser' }]);
  const element = await repo.findElement(ctx.db, query.element);
  if (!element) throw new NotFoundError('data_element');
  const root = await subtreeRoot(ctx, query.orgId, scope);
  const rows = await repo.sumApproved(ctx.db, { elementCode: element.code, path: root.path, periods: codesWithin(asked) });
  const total = (codes: string[]) => rows.filter((r) => codes.includes(r.period)).reduce((s, r) => s + Number(r.total ?? 0), 0);
  const series = query.by
    ? periodsBetween(query.by, asked.startsOn, asked.endsOn).map((p) => ({ period: p.code, value: total(codesWithin(p)) }))
    : [];
  return {
    elementCode: element.code,
    org: orgRef(root),
    period: query.period,
    value: rows.reduce((s, r) => s + Number(r.total ?? 0), 0),
    reportingUnits: rows.reduce((m, r) => Math.max(m, Number(r.units)), 0),
    series,
  };
}
