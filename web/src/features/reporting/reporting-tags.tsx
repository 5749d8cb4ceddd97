import type { ReportingInboxItem, SubmissionStatus } from '@changai/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<SubmissionStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'warning',
  approved: 'success',
};
const STATE_COLORS: Record<ReportingInboxItem['state'], string> = { due: 'processing', overdue: 'error', returned: 'warning' };

export function SubmissionStatusTag({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`reporting.statuses.${status}`)}</Tag>;
}

export function InboxStateTag({ state }: { state: ReportingInboxItem['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`reporting.states.${state}`)}</Tag>;
}

/** The form's name in the reader's language. */
export function useFormName() {
  const { i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  return (f: { nameZh: string; nameEn: string }) => (isEn ? f.nameEn : f.nameZh);
}

export const entryPath = (k: { formId: string; orgId: string; period: string }) => `/reporting/entries/${k.formId}/${k.orgId}/${k.period}`;
