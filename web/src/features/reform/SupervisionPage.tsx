import type { Notice, Scorecard } from '@changai/contracts';
import { Alert, App, Button, Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { PageHeader } from '../../components/PageHeader';
import { useActor } from '../auth/use-session';
import { NoticeKindTag, percent } from './reform-tags';
import { TaskTable } from './TasksPage';
import { useSupervision, useSweep } from './use-reform';

const ACCENTS = {
  overdueTasks: '#b91c1c',
  overdueReports: '#d4380d',
  reminders: '#1d4f91',
  notices: '#d46b08',
  escalations: '#a8071a',
} as const;

/** 督查督办: what is late within the actor's scope, the notices raised about it, and each unit's record. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const board = useSupervision();
  const sweep = useSweep();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const b = board.data;
  const isProvince = actor.role === 'province_admin';
  return (
    <>
      <PageHeader
        title={t('reform.supervision.title')}
        extra={
          <>
            {b ? <Typography.Text type="secondary">{t('reform.supervision.asOf', { date: b.asOf })}</Typography.Text> : null}
            {isProvince ? (
              <Button
                loading={sweep.isPending}
                onClick={() =>
                  sweep.mutate(undefined, { onSuccess: (r) => void message.success(t('reform.supervision.swept', r)), onError })
                }
              >
                {t('reform.supervision.sweep')}
              </Button>
            ) : null}
          </>
        }
      />
      {board.error ? <Alert type="error" showIcon title={board.error.message} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(Object.keys(ACCENTS) as (keyof typeof ACCENTS)[]).map((key) => (
          <Col xs={12} md={8} xl={4} key={key} flex="1">
            <Card
              role="group"
              aria-label={t(`reform.supervision.${key}`)}
              style={{ borderTop: `3px solid ${ACCENTS[key]}` }}
              styles={{ body: { padding: '16px 20px' } }}
            >
              <Statistic
                title={t(`reform.supervision.${key}`)}
                value={b?.counts[key] ?? '—'}
                loading={board.isPending}
                styles={{ content: { color: ACCENTS[key], fontWeight: 600 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('reform.supervision.overdueTasks')}
        style={{ marginBottom: 16 }}
        role="region"
        aria-label={t('reform.supervision.overdueTasks')}
      >
        {b && b.overdueTasks.length === 0 ? (
          <Typography.Text type="secondary">{t('reform.supervision.noOverdue')}</Typography.Text>
        ) : (
          <TaskTable tasks={b?.overdueTasks ?? []} loading={board.isPending} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
        )}
      </Card>
      <Card title={t('reform.supervision.openNotices')} style={{ marginBottom: 16 }}>
        <Table<Notice>
          rowKey="id"
          size="middle"
          loading={board.isPending}
          dataSource={b?.notices ?? []}
          locale={{ emptyText: t('reform.supervision.noNotices') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { key: 'kind', title: t('common.status'), width: 110, render: (_, n) => <NoticeKindTag kind={n.kind} /> },
            { key: 'task', title: t('reform.tasks.titleLabel'), render: (_, n) => <Link to={`/tasks/${n.task.id}`}>{n.task.title}</Link> },
            { key: 'unit', title: t('reform.tasks.org'), width: 200, render: (_, n) => n.task.org.name },
            {
              key: 'period',
              title: t('reform.tasks.period'),
              width: 100,
              render: (_, n) => n.period || t('reform.supervision.taskDeadline'),
            },
            { key: 'due', title: t('reform.tasks.dueOn'), width: 110, dataIndex: 'dueOn' },
            {
              key: 'overdue',
              title: t('reform.tasks.overdue'),
              width: 110,
              render: (_, n) =>
                n.daysOverdue > 0 ? (
                  <Typography.Text type="danger">{t('reform.supervision.daysOverdue', { days: n.daysOverdue })}</Typography.Text>
                ) : (
                  '—'
                ),
            },
            { key: 'to', title: t('reform.supervision.addressedTo'), width: 180, render: (_, n) => n.org.name },
          ]}
        />
      </Card>
      <Card title={t('reform.supervision.scorecards')}>
        <Table<Scorecard>
          rowKey={(s) => s.org.id}
          size="middle"
          loading={board.isPending}
          dataSource={b?.scorecards ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { key: 'org', title: t('reform.tasks.org'), render: (_, s) => s.org.name },
            { key: 'tasks', title: t('reform.supervision.tasks'), width: 90, dataIndex: 'tasks' },
            { key: 'completed', title: t('reform.supervision.completed'), width: 90, dataIndex: 'completed' },
            { key: 'overdue', title: t('reform.supervision.overdueTasks'), width: 100, dataIndex: 'overdueTasks' },
            {
              key: 'reports',
              title: `${t('reform.supervision.reportsOnTime')} / ${t('reform.supervision.reportsDue')}`,
              width: 120,
              render: (_, s) => `${s.reportsOnTime} / ${s.reportsDue}`,
            },
            {
              key: 'onTime',
              title: t('reform.supervision.onTimeRate'),
              width: 170,
              render: (_, s) =>
                s.onTimeRate === null ? (
                  '—'
                ) : (
                  <Progress
                    percent={Math.round(s.onTimeRate * 1000) / 10}
                    size="small"
                    status={s.onTimeRate < 0.8 ? 'exception' : 'normal'}
                  />
                ),
            },
            { key: 'completion', title: t('reform.supervision.completionRate'), width: 120, render: (_, s) => percent(s.completionRate) },
          ]}
        />
      </Card>
    </>
  );
}
