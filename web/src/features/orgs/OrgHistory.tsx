import { Alert, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ChangeSummary } from '../../components/AuditChanges';
import { auditActionLabel } from '../audit/audit-labels';
import { useOrgHistory } from './use-orgs';

/** The org's change history, read from the audit log. */
export function OrgHistory({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const history = useOrgHistory(orgId);
  if (history.error) return <Alert type="error" showIcon title={history.error.message} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={history.isPending}
      dataSource={history.data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: t('orgs.historyEmpty') }}
      columns={[
        { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
        {
          key: 'actor',
          title: t('audit.actor'),
          width: 140,
          render: (_, e) => e.actorUsername ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
        },
        { key: 'action', title: t('audit.action'), width: 130, render: (_, e) => auditActionLabel(t, e.action) },
        { key: 'changes', title: t('audit.changes'), render: (_, e) => <ChangeSummary before={e.before} after={e.after} /> },
      ]}
    />
  );
}
