import type { ReportingInboxItem } from '@changai/contracts';
import { Alert, Badge, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { entryPath, InboxStateTag, useFormName } from './reporting-tags';
import { useReportingInbox } from './use-reporting';

/** 数据填报: the unit's inbox of forms due, overdue and returned (and a way to what awaits its approval). */
export function ReportingInboxPage() {
  const { t } = useTranslation();
  const inbox = useReportingInbox();
  const formName = useFormName();
  const canApprove = useCan('data:approve');
  const counts = inbox.data?.counts;
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <>
      <PageHeader title={t('reporting.inbox.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('reporting.inbox.subtitle')}
        </Typography.Paragraph>
      </PageHeader>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(['returned', 'overdue', 'due'] as const).map((key) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(`reporting.inbox.${key}`)}
                value={counts?.[key] ?? 0}
                loading={inbox.isPending}
                styles={{
                  content: {
                    color:
                      key === 'overdue' && counts?.overdue ? '#cf1322' : key === 'returned' && counts?.returned ? '#d48806' : undefined,
                  },
                }}
              />
            </Card>
          </Col>
        ))}
        {canApprove ? (
          <Col xs={12} md={6}>
            <Card size="small">
              <Link to="/reporting/approvals">
                <Statistic title={t('reporting.inbox.awaiting')} value={counts?.awaitingApproval ?? 0} loading={inbox.isPending} />
              </Link>
            </Card>
          </Col>
        ) : null}
      </Row>
      {inbox.error ? <Alert type="error" showIcon title={inbox.error.message} /> : null}
      <Card>
        <Table<ReportingInboxItem>
          rowKey={(i) => `${i.form.id}:${i.org.id}:${i.period}`}
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('reporting.inbox.empty')} /> }}
          columns={[
            { key: 'state', title: t('reporting.inbox.state'), width: 110, render: (_, i) => <InboxStateTag state={i.state} /> },
            {
              key: 'form',
              title: t('reporting.inbox.form'),
              render: (_, i) => <Link to={entryPath({ formId: i.form.id, orgId: i.org.id, period: i.period })}>{formName(i.form)}</Link>,
            },
            { key: 'org', title: t('reporting.inbox.org'), width: 180, render: (_, i) => i.org.name },
            { key: 'period', title: t('reporting.inbox.period'), width: 110, dataIndex: 'period' },
            {
              key: 'due',
              title: t('reporting.inbox.dueOn'),
              width: 200,
              render: (_, i) => {
                const days = dayjs(i.dueOn).diff(dayjs(today), 'day');
                return (
                  <Flex gap={8}>
                    <span>{i.dueOn}</span>
                    <Typography.Text type={days < 0 ? 'danger' : 'secondary'}>
                      {days < 0 ? t('reporting.inbox.daysLate', { days: -days }) : t('reporting.inbox.daysLeft', { days })}
                    </Typography.Text>
                  </Flex>
                );
              },
            },
            {
              key: 'reason',
              title: t('reporting.inbox.returnReason'),
              render: (_, i) => (i.returnReason ? <Typography.Text type="warning">{i.returnReason}</Typography.Text> : null),
            },
            {
              key: 'open',
              width: 90,
              render: (_, i) => (
                <Badge dot={i.state !== 'due'}>
                  <Link to={entryPath({ formId: i.form.id, orgId: i.org.id, period: i.period })}>
                    <Button size="small" type={i.state === 'due' ? 'default' : 'primary'}>
                      {t('reporting.inbox.open')}
                    </Button>
                  </Link>
                </Badge>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
