import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema } from './common.js';
import { DataElementCodeSchema, DataElementSchema, PeriodCodeSchema, PeriodTypeSchema, ValueTypeSchema } from './indicators.contract.js';
import { OrgRefSchema } from './org.contract.js';

/** Reported data: report forms, each unit's entries per period, and their bottom-up approval. */

// ——— Reported data elements (the province admin defines them; codes never change) ———

const NameSchema = z.string().trim().min(1).max(100);
const OptionalTextSchema = z.string().trim().max(500).nullable().default(null);
const LimitValueSchema = z.number().finite().min(-1e12).max(1e12).nullable().default(null);

export const UpdateReportedElementSchema = z.object({
  nameZh: NameSchema,
  nameEn: NameSchema,
  descriptionZh: OptionalTextSchema,
  descriptionEn: OptionalTextSchema,
  unitZh: z.string().trim().max(20).default(''),
  unitEn: z.string().trim().max(20).default(''),
  valueType: ValueTypeSchema,
  minValue: LimitValueSchema,
  maxValue: LimitValueSchema,
});
export type UpdateReportedElement = z.infer<typeof UpdateReportedElementSchema>;
export const CreateReportedElementSchema = UpdateReportedElementSchema.extend({ code: DataElementCodeSchema });
export type CreateReportedElement = z.infer<typeof CreateReportedElementSchema>;
export const ElementParamsSchema = z.object({ code: DataElementCodeSchema });
export const ReportedElementListSchema = z.object({
  items: z.array(DataElementSchema.extend({ formCode: z.string().nullable() })),
});
export type ReportedElementList = z.infer<typeof ReportedElementListSchema>;

// ——— Report forms ———

export const RULE_OPERATORS = ['>=', '<=', '=', '>', '<'] as const;
export const RuleOperatorSchema = z.enum(RULE_OPERATORS);
export type RuleOperator = z.infer<typeof RuleOperatorSchema>;

export const FormRuleSchema = z.object({
  leftCode: DataElementCodeSchema,
  operator: RuleOperatorSchema,
  rightCode: DataElementCodeSchema,
  messageZh: z.string().trim().max(200).default(''),
  messageEn: z.string().trim().max(200).default(''),
});
export type FormRule = z.infer<typeof FormRuleSchema>;

export const FORM_ELEMENTS_MAX = 60;
export const SaveReportFormSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, { error: 'reporting.form_code_invalid' }),
  nameZh: NameSchema,
  nameEn: NameSchema,
  periodType: PeriodTypeSchema,
  /** Days after the period ends by which the unit must submit. */
  deadlineDays: z.number().int().min(0).max(366),
  /** The first period the form collects. */
  firstPeriod: PeriodCodeSchema,
  isActive: z.boolean().default(true),
  elementCodes: z.array(DataElementCodeSchema).min(1).max(FORM_ELEMENTS_MAX),
  rules: z.array(FormRuleSchema).max(50).default([]),
});
export type SaveReportForm = z.infer<typeof SaveReportFormSchema>;

export const FormRefSchema = z.object({
  id: IdSchema,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  periodType: PeriodTypeSchema,
});
export type FormRef = z.infer<typeof FormRefSchema>;

export const ReportFormSchema = FormRefSchema.extend({
  deadlineDays: z.number().int(),
  firstPeriod: z.string(),
  isActive: z.boolean(),
  elements: z.array(DataElementSchema),
  rules: z.array(FormRuleSchema),
  assignedCount: z.number().int(),
});
export type ReportForm = z.infer<typeof ReportFormSchema>;
export const ReportFormListSchema = z.object({ items: z.array(ReportFormSchema) });
export const FormParamsSchema = z.object({ formId: IdSchema });

export const ASSIGNMENTS_MAX = 5000;
export const SetAssignmentsSchema = z.object({ orgIds: z.array(IdSchema).max(ASSIGNMENTS_MAX) });
export type SetAssignments = z.infer<typeof SetAssignmentsSchema>;
export const AssignmentsSchema = z.object({ orgs: z.array(OrgRefSchema.extend({ parentName: z.string().nullable() })) });
export type Assignments = z.infer<typeof AssignmentsSchema>;

// ——— Entries and their approval ———

export const SUBMISSION_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'approved'] as const;
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;
export const STEP_ACTIONS = ['submit', 'approve', 'return', 'reopen'] as const;

export const EntryParamsSchema = z.object({ formId: IdSchema, orgId: IdSchema, period: PeriodCodeSchema });
export type EntryParams = z.infer<typeof EntryParamsSchema>;

export const EntryValueSchema = z.object({
  elementCode: z.string(),
  value: z.number().nullable(),
  /** The last fully approved value, which figures read. */
  approvedValue: z.number().nullable(),
  /** Entered after approval and differing from the approved value: awaits re-approval. */
  isChanged: z.boolean(),
});

export const EntrySchema = z.object({
  form: ReportFormSchema.omit({ assignedCount: true }),
  org: OrgRefSchema,
  period: z.string(),
  dueOn: IsoDateSchema,
  status: SubmissionStatusSchema,
  /** The org whose approver acts next, while submitted. */
  awaitingOrg: OrgRefSchema.nullable(),
  /** The orgs that approve, nearest first (county → prefecture → province). */
  chain: z.array(OrgRefSchema),
  isRevision: z.boolean(),
  version: z.number().int(),
  returnReason: z.string().nullable(),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReopen: z.boolean(),
  canApprove: z.boolean(),
  values: z.array(EntryValueSchema),
  steps: z.array(
    z.object({
      action: z.enum(STEP_ACTIONS),
      levelOrg: OrgRefSchema.nullable(),
      reason: z.string().nullable(),
      actorName: z.string(),
      at: InstantSchema,
    }),
  ),
});
export type Entry = z.infer<typeof EntrySchema>;

export const ENTRY_VALUE_MAX = 1e12;
export const SaveEntrySchema = z.object({
  values: z.record(DataElementCodeSchema, z.number().finite().min(-ENTRY_VALUE_MAX).max(ENTRY_VALUE_MAX).nullable()),
});
export type SaveEntry = z.infer<typeof SaveEntrySchema>;
export const TransitionSchema = z.object({ version: z.number().int().min(0) });
export type Transition = z.infer<typeof TransitionSchema>;
export const ReturnEntrySchema = TransitionSchema.extend({
  reason: z.string().trim().min(2, { error: 'reporting.reason_required' }).max(500),
});
export type ReturnEntry = z.infer<typeof ReturnEntrySchema>;

export const INBOX_STATES = ['due', 'overdue', 'returned'] as const;
export const ReportingInboxItemSchema = z.object({
  form: FormRefSchema,
  org: OrgRefSchema,
  period: z.string(),
  dueOn: IsoDateSchema,
  state: z.enum(INBOX_STATES),
  status: SubmissionStatusSchema,
  returnReason: z.string().nullable(),
});
export type ReportingInboxItem = z.infer<typeof ReportingInboxItemSchema>;
export const ReportingInboxSchema = z.object({
  items: z.array(ReportingInboxItemSchema),
  counts: z.object({ due: z.number().int(), overdue: z.number().int(), returned: z.number().int(), awaitingApproval: z.number().int() }),
});
export type ReportingInbox = z.infer<typeof ReportingInboxSchema>;

export const ApprovalItemSchema = z.object({
  form: FormRefSchema,
  org: OrgRefSchema,
  period: z.string(),
  dueOn: IsoDateSchema,
  submittedAt: InstantSchema,
  isLate: z.boolean(),
  isRevision: z.boolean(),
  changedCount: z.number().int(),
  version: z.number().int(),
});
export type ApprovalItem = z.infer<typeof ApprovalItemSchema>;
export const ApprovalQueueSchema = z.object({ items: z.array(ApprovalItemSchema) });

// ——— Completeness and timeliness; sums of approved values ———

export const CompletenessQuerySchema = z.object({
  period: PeriodCodeSchema,
  orgId: IdSchema.optional(),
  formId: IdSchema.optional(),
});
export type CompletenessQuery = z.infer<typeof CompletenessQuerySchema>;
const CountsSchema = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  approved: z.number().int(),
  overdue: z.number().int(),
  returned: z.number().int(),
});
export type CompletenessCounts = z.infer<typeof CountsSchema>;
export const CompletenessSchema = z.object({
  forms: z.array(FormRefSchema),
  form: FormRefSchema.nullable(),
  org: OrgRefSchema,
  period: z.string(),
  /** The form's periods within the asked period that have ended. */
  periods: z.array(z.string()),
  totals: CountsSchema,
  byOrg: z.array(CountsSchema.extend({ org: OrgRefSchema })),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

export const SumQuerySchema = z.object({
  element: DataElementCodeSchema,
  period: PeriodCodeSchema,
  orgId: IdSchema.optional(),
  /** Also sum per period of this type within the asked period (e.g. the quarters of a year). */
  by: PeriodTypeSchema.optional(),
});
export type SumQuery = z.infer<typeof SumQuerySchema>;
export const ApprovedSumSchema = z.object({
  elementCode: z.string(),
  org: OrgRefSchema,
  period: z.string(),
  value: z.number(),
  reportingUnits: z.number().int(),
  series: z.array(z.object({ period: z.string(), value: z.number() })),
});
export type ApprovedSum = z.infer<typeof ApprovedSumSchema>;

// ——— Entry checks, shared by the entry grid (inline) and the server (authoritative) ———

export type EntryCheckElement = Pick<z.infer<typeof DataElementSchema>, 'code' | 'valueType' | 'minValue' | 'maxValue'>;
export type EntryViolation = {
  elementCode: string;
  /** i18n key under `reporting.check.*` on the web and in the server's messages. */
  reason: 'not_integer' | 'below_min' | 'above_max' | 'percent_range' | 'missing' | 'rule';
  params: Record<string, string | number>;
  rule?: FormRule;
};

const COMPARE: Record<RuleOperator, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
};

/** Checks one value against its element's type and range. */
export function checkValue(element: EntryCheckElement, value: number | null | undefined): EntryViolation | undefined {
  if (value === null || value === undefined) return undefined;
  const code = element.code;
  if (element.valueType === 'integer' && !Number.isInteger(value)) return { elementCode: code, reason: 'not_integer', params: {} };
  if (element.valueType === 'percent' && (value < 0 || value > 100)) return { elementCode: code, reason: 'percent_range', params: {} };
  if (element.minValue !== null && value < element.minValue)
    return { elementCode: code, reason: 'below_min', params: { min: element.minValue } };
  if (element.maxValue !== null && value > element.maxValue)
    return { elementCode: code, reason: 'above_max', params: { max: element.maxValue } };
  return undefined;
}

/**
 * Every violation of an entry: value checks, and with `complete` also missing values and the form's
 * rules between elements (e.g. trained ≥ certified), which hold once both sides are entered.
 */
export function checkEntry(
  elements: EntryCheckElement[],
  rules: FormRule[],
  values: Record<string, number | null | undefined>,
  opts: { complete: boolean },
): EntryViolation[] {
  const out: EntryViolation[] = [];
  for (const element of elements) {
    const v = values[element.code];
    const violation = checkValue(element, v);
    if (violation) out.push(violation);
    else if (opts.complete && (v === null || v === undefined)) out.push({ elementCode: element.code, reason: 'missing', params: {} });
  }
  for (const rule of rules) {
    const a = values[rule.leftCode];
    const b = values[rule.rightCode];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    if (!COMPARE[rule.operator](a, b))
      out.push({ elementCode: rule.leftCode, reason: 'rule', params: { left: a, right: b, operator: rule.operator }, rule });
  }
  return out;
}
