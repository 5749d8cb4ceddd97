import type { ApprovalItem } from '@changai/contracts';
import { Alert, Card, Empty, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ReportingCompleteness } from './ReportingCompleteness';
import { entryPath, useFormName } from './reporting-tags';
import { useApprovals } from './use-reporting';

/** The last few quarters and years, newest first, for the completeness view. */
function recentPeriods(): string[] {
  const now = dayjs();
  const out: string[] = [];
  let year = now.year();
  let quarter = Math.floor(now.month() / 3) + 1;
  for (let i = 0; i < 12; i++) {
    out.push(`${year}-Q${quarter}`);
    quarter--;
    if (quarter === 0) {
      quarter = 4;
      year--;
    }
  }
  for (let y = now.year(); y >= 2020; y--) out.push(String(y));
  return out;
}

/** 数据审核: submissions waiting at the actor's level (revisions show what changed), and reporting completeness. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'completeness' ? 'completeness' : 'queue';
  const periods = recentPeriods();
  const period = params.get('period') ?? periods[1] ?? '2020';
  const queue = useApprovals();
  const formName = useFormName();
  return (
    <>
      <PageHeader title={t('reporting.approvals.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'completeness' ? { tab: key, period } : {}, { replace: true })}
        items={[
          {
            key: 'queue',
            label: `${t('reporting.approvals.queue')} (${queue.data?.items.length ?? 0})`,
            children: (
              <Card>
                {queue.error ? <Alert type="error" showIcon title={queue.error.message} /> : null}
                <Table<ApprovalItem>
                  rowKey={(i) => `${i.form.id}:${i.org.id}:${i.period}`}
                  loading={queue.isPending}
                  dataSource={queue.data?.items ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description={t('reporting.approvals.empty')} /> }}
                  columns={[
                    { key: 'org', title: t('reporting.inbox.org'), render: (_, i) => i.org.name },
                    { key: 'form', title: t('reporting.inbox.form'), render: (_, i) => formName(i.form) },
                    { key: 'period', title: t('reporting.approvals.period'), width: 110, dataIndex: 'period' },
                    {
                      key: 'submittedAt',
                      title: t('reporting.approvals.submittedAt'),
                      width: 220,
                      render: (_, i) => (
                        <Flex gap={6}>
                          <span>{dayjs(i.submittedAt).format('YYYY-MM-DD HH:mm')}</span>
                          {i.isLate ? <Tag color="error">{t('reporting.approvals.late')}</Tag> : null}
                        </Flex>
                      ),
                    },
                    {
                      key: 'revision',
                      width: 130,
                      render: (_, i) =>
                        i.isRevision ? <Tag color="purple">{t('reporting.approvals.revision', { count: i.changedCount })}</Tag> : null,
                    },
                    {
                      key: 'open',
                      width: 90,
                      render: (_, i) => (
                        <Link to={entryPath({ formId: i.form.id, orgId: i.org.id, period: i.period })}>
                          {t('reporting.approvals.review')}
                        </Link>
                      ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'completeness',
            label: t('reporting.approvals.completeness'),
            children: (
              <Flex vertical gap={12}>
                <Flex gap={8} align="center">
                  <Typography.Text>{t('reporting.inbox.period')}</Typography.Text>
                  <Select
                    style={{ width: 140 }}
                    aria-label={t('reporting.inbox.period')}
                    value={period}
                    onChange={(p) => setParams({ tab: 'completeness', period: p }, { replace: true })}
                    options={periods.map((p) => ({ value: p, label: p }))}
                  />
                </Flex>
                <ReportingCompleteness period={period} />
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
