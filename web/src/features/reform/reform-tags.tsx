import type { InboxItem, NoticeKind, PeriodState, PolicyStatus, ReformArea, ReportStatus, TaskStatus } from '@changai/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const AREA_COLORS: Record<ReformArea, string> = {
  ideology: 'red',
  skills: 'blue',
  channels: 'geekblue',
  recognition: 'gold',
  competitions: 'purple',
  rights: 'green',
  support: 'default',
};

export function AreaTag({ area }: { area: ReformArea }) {
  const { t } = useTranslation();
  return <Tag color={AREA_COLORS[area]}>{t(`reform.areas.${area}`)}</Tag>;
}

const POLICY_COLORS: Record<PolicyStatus, string> = { in_force: 'success', revised: 'warning', repealed: 'default' };
export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation();
  return <Tag color={POLICY_COLORS[status]}>{t(`reform.policyStatuses.${status}`)}</Tag>;
}

const TASK_COLORS: Record<TaskStatus, string> = { in_progress: 'processing', completed: 'success', cancelled: 'default' };
export function TaskStatusTag({ status, isOverdue }: { status: TaskStatus; isOverdue?: boolean }) {
  const { t } = useTranslation();
  if (isOverdue) return <Tag color="error">{t('reform.tasks.overdue')}</Tag>;
  return <Tag color={TASK_COLORS[status]}>{t(`reform.taskStatuses.${status}`)}</Tag>;
}

const PERIOD_COLORS: Record<PeriodState, string> = {
  upcoming: 'default',
  due: 'processing',
  overdue: 'error',
  submitted: 'warning',
  accepted: 'success',
  returned: 'magenta',
};
export function PeriodStateTag({ state }: { state: PeriodState | ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={PERIOD_COLORS[state]}>{t(`reform.periodStates.${state}`)}</Tag>;
}

const NOTICE_COLORS: Record<NoticeKind, string> = { reminder: 'blue', notice: 'orange', escalation: 'red' };
export function NoticeKindTag({ kind }: { kind: NoticeKind }) {
  const { t } = useTranslation();
  return <Tag color={NOTICE_COLORS[kind]}>{t(`reform.noticeKinds.${kind}`)}</Tag>;
}

const INBOX_COLORS: Record<InboxItem['kind'], string> = { due: 'processing', overdue: 'error', returned: 'magenta', to_review: 'warning' };
export function InboxKindTag({ kind }: { kind: InboxItem['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={INBOX_COLORS[kind]}>{t(`reform.inboxKinds.${kind}`)}</Tag>;
}

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
