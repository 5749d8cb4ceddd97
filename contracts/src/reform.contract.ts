import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, QueryFlagSchema } from './common.js';
import { OrgRefSchema } from './org.contract.js';

/**
 * The reform's key areas (改革重点领域), shared by policy categories and task areas: 思想政治引领,
 * 技能形成体系, 发展通道贯通, 评价激励, 竞赛与创新, 权益与服务, 组织保障.
 */
export const REFORM_AREAS = ['ideology', 'skills', 'channels', 'recognition', 'competitions', 'rights', 'support'] as const;
export const ReformAreaSchema = z.enum(REFORM_AREAS);
export type ReformArea = z.infer<typeof ReformAreaSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const TASK_STATUSES = ['in_progress', 'completed', 'cancelled'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

export const TaskRefSchema = z.object({
  id: IdSchema,
  title: z.string(),
  org: OrgRefSchema,
  status: TaskStatusSchema,
  dueOn: IsoDateSchema,
  progress: z.number().int(),
});
export type TaskRef = z.infer<typeof TaskRefSchema>;

// ——— Attachments ———

/** Policy texts and report evidence: PDF or Word (DOCX), each up to this size. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['pdf', 'docx'] as const;

export const AttachmentSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: InstantSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A file uploaded by the actor and not yet attached: its id goes into a policy or report. */
export const UploadedFileSchema = z.object({
  uploadId: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type UploadedFile = z.infer<typeof UploadedFileSchema>;

export const AttachmentParamsSchema = z.object({ attachmentId: IdSchema });

// ——— Policies ———

export const POLICY_STATUSES = ['in_force', 'revised', 'repealed'] as const;
export const PolicyStatusSchema = z.enum(POLICY_STATUSES);
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

export const PolicyRefSchema = z.object({ id: IdSchema, title: z.string(), docNumber: z.string().nullable(), issuedOn: IsoDateSchema });
export type PolicyRef = z.infer<typeof PolicyRefSchema>;

export const PolicySummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  docNumber: z.string().nullable(),
  issuers: z.string(),
  issuedOn: IsoDateSchema,
  category: ReformAreaSchema,
  status: PolicyStatusSchema,
  leadOrg: OrgRefSchema.nullable(),
  /** Where the search text matched, with some context (full-text hits only). */
  snippet: z.string().nullable(),
});
export type PolicySummary = z.infer<typeof PolicySummarySchema>;

export const PolicyDetailSchema = PolicySummarySchema.extend({
  summary: z.string().nullable(),
  fullText: z.string(),
  supersedes: PolicyRefSchema.nullable(),
  supersededBy: z.array(PolicyRefSchema),
  attachments: z.array(AttachmentSchema),
  tasks: z.array(TaskRefSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type PolicyDetail = z.infer<typeof PolicyDetailSchema>;

export const POLICY_QUERY_MAX = 100;
export const PolicyListQuerySchema = z.object({
  q: z.string().trim().max(POLICY_QUERY_MAX).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  category: ReformAreaSchema.optional(),
  status: PolicyStatusSchema.optional(),
  leadOrgId: IdSchema.optional(),
  ...PageQuery,
});
export type PolicyListQuery = z.infer<typeof PolicyListQuerySchema>;

export const PolicyPageSchema = z.object({
  items: z.array(PolicySummarySchema),
  total: z.number().int(),
  /** Count per year of issue over the whole (filtered but not year-limited) registry. */
  years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
});
export type PolicyPage = z.infer<typeof PolicyPageSchema>;

export const SavePolicySchema = z.object({
  title: text(200),
  docNumber: optionalText(100),
  issuers: text(300),
  issuedOn: IsoDateSchema,
  category: ReformAreaSchema,
  status: PolicyStatusSchema.default('in_force'),
  leadOrgId: IdSchema.nullable().optional(),
  /** The earlier version this one revises; that one becomes `revised`. */
  supersedesId: IdSchema.nullable().optional(),
  summary: optionalText(2000),
  fullText: z.string().max(500_000).default(''),
  /** Files uploaded through /api/v1/reform/files by this actor, to attach. */
  attachmentIds: z.array(IdSchema).max(20).default([]),
});
export type SavePolicy = z.infer<typeof SavePolicySchema>;

export const PolicyParamsSchema = z.object({ policyId: IdSchema });

// ——— Tasks ———

export const REPORT_CYCLES = ['monthly', 'quarterly'] as const;
export const ReportCycleSchema = z.enum(REPORT_CYCLES);
export type ReportCycle = z.infer<typeof ReportCycleSchema>;

export const TaskSummarySchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  area: ReformAreaSchema,
  title: z.string(),
  org: OrgRefSchema,
  issuerOrg: OrgRefSchema,
  coUnits: z.array(OrgRefSchema),
  reportCycle: ReportCycleSchema,
  startsOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  status: TaskStatusSchema,
  isOverdue: z.boolean(),
  /** This unit's own progress, from its last accepted report. */
  ownProgress: z.number().int(),
  /** Rolled up: with handed-down copies, the mean of the copies' progress. */
  progress: z.number().int(),
  completedOn: IsoDateSchema.nullable(),
  copyCount: z.number().int(),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const MilestoneSchema = z.object({ id: IdSchema, title: z.string(), dueOn: IsoDateSchema, doneOn: IsoDateSchema.nullable() });
export type Milestone = z.infer<typeof MilestoneSchema>;

export const DeadlineChangeSchema = z.object({
  id: IdSchema,
  fromDate: IsoDateSchema,
  toDate: IsoDateSchema,
  reason: z.string(),
  changedBy: z.string().nullable(),
  changedAt: InstantSchema,
});
export type DeadlineChange = z.infer<typeof DeadlineChangeSchema>;

export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const ReviewSchema = z.object({
  decision: z.enum(['accept', 'return']),
  reason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: InstantSchema,
});

export const ReportSchema = z.object({
  id: IdSchema,
  taskId: IdSchema,
  period: z.string(),
  dueOn: IsoDateSchema,
  text: z.string(),
  percent: z.number().int(),
  status: ReportStatusSchema,
  isLate: z.boolean(),
  submittedAt: InstantSchema,
  submittedBy: z.string().nullable(),
  submissions: z.number().int(),
  returnReason: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  reviews: z.array(ReviewSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/** One reporting period of a task and where it stands. */
export const PERIOD_STATES = ['upcoming', 'due', 'overdue', 'submitted', 'accepted', 'returned'] as const;
export const PeriodStateSchema = z.enum(PERIOD_STATES);
export type PeriodState = z.infer<typeof PeriodStateSchema>;
export const TaskPeriodSchema = z.object({
  period: z.string(),
  dueOn: IsoDateSchema,
  state: PeriodStateSchema,
  reportId: IdSchema.nullable(),
});
export type TaskPeriod = z.infer<typeof TaskPeriodSchema>;

export const TaskDetailSchema = TaskSummarySchema.extend({
  description: z.string(),
  policy: PolicyRefSchema.nullable(),
  decision: z.object({ id: IdSchema, meetingId: IdSchema, meetingTitle: z.string(), text: z.string() }).nullable(),
  parent: TaskRefSchema.nullable(),
  copies: z.array(TaskRefSchema),
  milestones: z.array(MilestoneSchema),
  deadlineChanges: z.array(DeadlineChangeSchema),
  periods: z.array(TaskPeriodSchema),
  reports: z.array(ReportSchema),
  /** What the actor may do here (the server checks again). */
  can: z.object({ manage: z.boolean(), report: z.boolean(), review: z.boolean(), handDown: z.boolean() }),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

export const TaskListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  area: ReformAreaSchema.optional(),
  status: TaskStatusSchema.optional(),
  orgId: IdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: QueryFlagSchema.optional(),
  /** Only tasks set by their issuer (not handed-down copies). */
  topLevel: QueryFlagSchema.optional(),
  ...PageQuery,
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const TaskPageSchema = z.object({ items: z.array(TaskSummarySchema), total: z.number().int() });
export type TaskPage = z.infer<typeof TaskPageSchema>;

export const MilestoneInputSchema = z.object({ title: text(200), dueOn: IsoDateSchema });

export const CreateTaskSchema = z
  .object({
    area: ReformAreaSchema,
    title: text(200),
    description: z.string().trim().max(5000).default(''),
    orgId: IdSchema,
    coUnitIds: z.array(IdSchema).max(40).default([]),
    policyId: IdSchema.nullable().optional(),
    reportCycle: ReportCycleSchema.default('quarterly'),
    startsOn: IsoDateSchema,
    dueOn: IsoDateSchema,
    milestones: z.array(MilestoneInputSchema).max(20).default([]),
  })
  .refine((v) => v.dueOn >= v.startsOn, { message: 'date_range_order', path: ['dueOn'] });
export type CreateTask = z.infer<typeof CreateTaskSchema>;

export const HandDownSchema = z.object({
  orgIds: z.array(IdSchema).min(1).max(200),
  /** The copies' deadline; the task's own by default, never later. */
  dueOn: IsoDateSchema.optional(),
});
export type HandDown = z.infer<typeof HandDownSchema>;

export const ChangeDeadlineSchema = z.object({ dueOn: IsoDateSchema, reason: text(500) });
export type ChangeDeadline = z.infer<typeof ChangeDeadlineSchema>;

export const CancelTaskSchema = z.object({ reason: text(500) });

export const TaskParamsSchema = z.object({ taskId: IdSchema });
export const MilestoneParamsSchema = z.object({ milestoneId: IdSchema });

// ——— Reports ———

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
export const SubmitReportSchema = z.object({
  period: z.string().regex(PERIOD_PATTERN, { message: 'period_format' }),
  text: text(5000),
  percent: z.number().int().min(0).max(100),
  attachmentIds: z.array(IdSchema).max(10).default([]),
});
export type SubmitReport = z.infer<typeof SubmitReportSchema>;

export const ReviewReportSchema = z
  .object({ decision: z.enum(['accept', 'return']), reason: z.string().trim().max(1000).optional() })
  .refine((v) => v.decision === 'accept' || (v.reason ?? '').length > 0, { message: 'return_reason_required', path: ['reason'] });
export type ReviewReport = z.infer<typeof ReviewReportSchema>;

export const ReportParamsSchema = z.object({ reportId: IdSchema });

export const INBOX_KINDS = ['due', 'overdue', 'returned', 'to_review'] as const;
export const InboxItemSchema = z.object({
  kind: z.enum(INBOX_KINDS),
  task: TaskRefSchema,
  period: z.string(),
  dueOn: IsoDateSchema,
  reportId: IdSchema.nullable(),
  returnReason: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;
export const InboxSchema = z.object({
  items: z.array(InboxItemSchema),
  counts: z.object({ due: z.number().int(), overdue: z.number().int(), returned: z.number().int(), to_review: z.number().int() }),
});
export type Inbox = z.infer<typeof InboxSchema>;

// ——— Supervision ———

export const NOTICE_KINDS = ['reminder', 'notice', 'escalation'] as const;
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

/** Days before a deadline a reminder goes out; days after a 督办 notice it escalates to the issuing unit. */
export const SUPERVISION_RULES = { remindDaysBefore: 3, escalateAfterDays: 7 } as const;

export const NoticeSchema = z.object({
  id: IdSchema,
  kind: NoticeKindSchema,
  task: TaskRefSchema,
  period: z.string(),
  org: OrgRefSchema,
  dueOn: IsoDateSchema,
  daysOverdue: z.number().int(),
  createdAt: InstantSchema,
  resolvedAt: InstantSchema.nullable(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const ScorecardSchema = z.object({
  org: OrgRefSchema,
  tasks: z.number().int(),
  completed: z.number().int(),
  overdueTasks: z.number().int(),
  reportsDue: z.number().int(),
  reportsOnTime: z.number().int(),
  /** Share of due reports first filed on time, 0–1; null with nothing due. */
  onTimeRate: z.number().nullable(),
  /** Share of tasks completed, 0–1; null without tasks. */
  completionRate: z.number().nullable(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const SupervisionBoardSchema = z.object({
  asOf: IsoDateSchema,
  counts: z.object({
    overdueTasks: z.number().int(),
    overdueReports: z.number().int(),
    reminders: z.number().int(),
    notices: z.number().int(),
    escalations: z.number().int(),
  }),
  overdueTasks: z.array(TaskSummarySchema),
  notices: z.array(NoticeSchema),
  scorecards: z.array(ScorecardSchema),
});
export type SupervisionBoard = z.infer<typeof SupervisionBoardSchema>;

export const SweepResultSchema = z.object({
  reminders: z.number().int(),
  notices: z.number().int(),
  escalations: z.number().int(),
  resolved: z.number().int(),
});
export type SweepResult = z.infer<typeof SweepResultSchema>;

// ——— Meetings ———

export const MEETING_KINDS = ['plenary', 'video_conference', 'coordination', 'special'] as const;
export const MeetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKindSchema>;

export const DecisionSchema = z.object({ id: IdSchema, seq: z.number().int(), text: z.string(), tasks: z.array(TaskRefSchema) });
export type Decision = z.infer<typeof DecisionSchema>;

export const MeetingSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: MeetingKindSchema,
  heldOn: IsoDateSchema,
  location: z.string().nullable(),
  hostOrg: OrgRefSchema,
  attendeeCount: z.number().int(),
  decisionCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  minutes: z.string(),
  attendees: z.array(OrgRefSchema),
  decisions: z.array(DecisionSchema),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const MeetingListQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...PageQuery });
export const MeetingPageSchema = z.object({ items: z.array(MeetingSummarySchema), total: z.number().int() });

export const SaveMeetingSchema = z.object({
  title: text(200),
  kind: MeetingKindSchema,
  heldOn: IsoDateSchema,
  location: optionalText(200),
  hostOrgId: IdSchema,
  attendeeOrgIds: z.array(IdSchema).max(100).default([]),
  minutes: z.string().trim().max(50_000).default(''),
  decisions: z.array(text(1000)).max(50).default([]),
});
export type SaveMeeting = z.infer<typeof SaveMeetingSchema>;

export const MeetingParamsSchema = z.object({ meetingId: IdSchema });
export const DecisionParamsSchema = z.object({ decisionId: IdSchema });

/** A task from a meeting decision: the decision text is its description unless one is given. */
export const TaskFromDecisionSchema = CreateTaskSchema;

// ——— Year-end summary ———

export const YearSummaryQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const YearSummarySchema = z.object({
  year: z.number().int(),
  policies: z.object({ total: z.number().int(), issued: z.number().int(), titles: z.array(PolicyRefSchema) }),
  tasks: z.object({
    due: z.number().int(),
    completed: z.number().int(),
    completedOnTime: z.number().int(),
    inProgress: z.number().int(),
    overdue: z.number().int(),
    byArea: z.array(z.object({ area: ReformAreaSchema, tasks: z.number().int(), completed: z.number().int() })),
  }),
  reports: z.object({ due: z.number().int(), onTime: z.number().int(), onTimeRate: z.number().nullable() }),
  meetings: z.array(MeetingSummarySchema),
  supervision: z.object({ notices: z.number().int(), escalations: z.number().int() }),
  /** Registry figures at the year's end (skilled and high-skilled workers), as the bulletin cites them. */
  figures: z
    .object({ asOf: IsoDateSchema, skilled: z.number().int(), highSkilled: z.number().int(), highSkilledShare: z.number().nullable() })
    .nullable(),
  /** The bulletin paragraph, in the reader's language. */
  paragraph: z.string(),
});
export type YearSummary = z.infer<typeof YearSummarySchema>;
