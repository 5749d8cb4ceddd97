import { PaperClipOutlined } from '@ant-design/icons';
import type { Report } from '@changai/contracts';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Progress, Row, Skeleton, Table, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { reportAttachmentUrl } from '../../api/reform.api';
import { useApiErrorHandler } from '../../app/use-api-error';
import { PageHeader } from '../../components/PageHeader';
import { AreaTag, PeriodStateTag, TaskStatusTag } from './reform-tags';
import { CancelModal, DeadlineModal, HandDownModal, ReportModal, ReviewModal } from './TaskModals';
import { useCompleteMilestone, useTask } from './use-reform';

type Dialog = { kind: 'report'; period?: string } | { kind: 'review'; report: Report } | { kind: 'handDown' | 'deadline' | 'cancel' };

/** One task: what it asks, who holds it, its periods and reports, the units it was handed down to. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const { taskId } = useParams();
  const [params] = useSearchParams();
  const task = useTask(taskId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const milestone = useCompleteMilestone();
  const onError = useApiErrorHandler();
  if (task.error) return <Alert type="error" showIcon title={task.error.message} />;
  const d = task.data;
  if (!d) return <Skeleton active />;
  const canFile = d.can.report && d.periods.some((p) => p.state === 'due' || p.state === 'overdue' || p.state === 'returned');
  const at = (date: Date) => dayjs(date).format('YYYY-MM-DD HH:mm');

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            {d.title}
            <TaskStatusTag status={d.status} isOverdue={d.isOverdue} />
          </Flex>
        }
        extra={
          <>
            {canFile ? (
              <Button type="primary" onClick={() => setDialog({ kind: 'report', period: params.get('period') ?? undefined })}>
                {t('reform.tasks.fileReport')}
              </Button>
            ) : null}
            {d.can.handDown ? <Button onClick={() => setDialog({ kind: 'handDown' })}>{t('reform.tasks.handDown')}</Button> : null}
            {d.can.manage ? <Button onClick={() => setDialog({ kind: 'deadline' })}>{t('reform.tasks.changeDeadline')}</Button> : null}
            {d.can.manage ? (
              <Button danger onClick={() => setDialog({ kind: 'cancel' })}>
                {t('reform.tasks.cancel')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              column={2}
              size="small"
              items={[
                { key: 'area', label: t('reform.tasks.area'), children: <AreaTag area={d.area} /> },
                { key: 'cycle', label: t('reform.tasks.cycle'), children: t(`reform.cycles.${d.reportCycle}`) },
                { key: 'org', label: t('reform.tasks.org'), children: d.org.name },
                { key: 'issuer', label: t('reform.tasks.issuerOrg'), children: d.issuerOrg.name },
                { key: 'co', label: t('reform.tasks.coUnits'), children: d.coUnits.map((c) => c.name).join('、') || '—', span: 2 },
                {
                  key: 'range',
                  label: `${t('reform.tasks.startsOn')} – ${t('reform.tasks.dueOn')}`,
                  children: `${d.startsOn} – ${d.dueOn}`,
                  span: 2,
                },
                ...(d.parent
                  ? [
                      {
                        key: 'parent',
                        label: t('reform.tasks.parent'),
                        children: (
                          <Link to={`/tasks/${d.parent.id}`}>
                            {d.parent.title}（{d.parent.org.name}）
                          </Link>
                        ),
                        span: 2,
                      },
                    ]
                  : []),
                ...(d.policy
                  ? [
                      {
                        key: 'policy',
                        label: t('reform.tasks.policy'),
                        children: <Link to={`/policies?policy=${d.policy.id}`}>{d.policy.title}</Link>,
                        span: 2,
                      },
                    ]
                  : []),
                ...(d.decision
                  ? [
                      {
                        key: 'decision',
                        label: t('reform.tasks.decision'),
                        children: (
                          <Link to={`/meetings?meeting=${d.decision.meetingId}`}>
                            {d.decision.meetingTitle}：{d.decision.text}
                          </Link>
                        ),
                        span: 2,
                      },
                    ]
                  : []),
              ]}
            />
            {d.description ? (
              <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
            ) : null}
          </Card>
          <Card title={t('reform.tasks.reports')} style={{ marginBottom: 16 }}>
            {d.reports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reform.tasks.noReports')} />
            ) : (
              <List
                itemLayout="vertical"
                dataSource={d.reports}
                renderItem={(r) => (
                  <List.Item
                    key={r.id}
                    aria-label={`${t('reform.tasks.period')} ${r.period}`}
                    extra={
                      <Flex vertical gap={8} align="flex-end">
                        {d.can.review && r.status === 'submitted' ? (
                          <Button type="primary" size="small" onClick={() => setDialog({ kind: 'review', report: r })}>
                            {t('reform.tasks.review')}
                          </Button>
                        ) : null}
                        {d.can.report && r.status === 'returned' ? (
                          <Button size="small" onClick={() => setDialog({ kind: 'report', period: r.period })}>
                            {t('reform.tasks.resubmit')}
                          </Button>
                        ) : null}
                      </Flex>
                    }
                  >
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{r.period}</Typography.Text>
                      <PeriodStateTag state={r.status} />
                      {r.isLate ? <Typography.Text type="danger">{t('reform.tasks.late')}</Typography.Text> : null}
                      <Typography.Text type="secondary">
                        {t('reform.tasks.submittedBy', { name: r.submittedBy ?? '—', at: at(r.submittedAt) })}
                        {r.submissions > 1 ? ` · ${t('reform.tasks.submissions', { count: r.submissions })}` : ''}
                      </Typography.Text>
                    </Flex>
                    <Progress percent={r.percent} size="small" style={{ maxWidth: 320 }} />
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{r.text}</Typography.Paragraph>
                    {r.returnReason && r.status === 'returned' ? (
                      <Typography.Paragraph type="danger">
                        {t('reform.tasks.returnReason')}：{r.returnReason}
                      </Typography.Paragraph>
                    ) : null}
                    {r.attachments.map((a) => (
                      <div key={a.id}>
                        <a href={reportAttachmentUrl(a.id)} target="_blank" rel="noreferrer">
                          <PaperClipOutlined /> {a.fileName}
                        </a>
                      </div>
                    ))}
                    {r.reviews.length ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('reform.tasks.reviewHistory')}：
                        {r.reviews
                          .map(
                            (v) =>
                              `${at(v.reviewedAt)} ${v.reviewedBy ?? ''} ${v.decision === 'accept' ? t('reform.tasks.accept') : `${t('reform.tasks.return')}（${v.reason}）`}`,
                          )
                          .join('；')}
                      </Typography.Text>
                    ) : null}
                  </List.Item>
                )}
              />
            )}
          </Card>
          {d.copies.length || d.can.handDown ? (
            <Card title={t('reform.tasks.copies')} style={{ marginBottom: 16 }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.copies}
                columns={[
                  { key: 'org', title: t('reform.tasks.org'), render: (_, c) => <Link to={`/tasks/${c.id}`}>{c.org.name}</Link> },
                  { key: 'due', title: t('reform.tasks.dueOn'), width: 120, dataIndex: 'dueOn' },
                  {
                    key: 'progress',
                    title: t('reform.tasks.progress'),
                    width: 180,
                    render: (_, c) => <Progress percent={c.progress} size="small" />,
                  },
                  { key: 'status', title: t('reform.tasks.status'), width: 100, render: (_, c) => <TaskStatusTag status={c.status} /> },
                ]}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={8}>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{d.copyCount > 0 ? t('reform.tasks.rolledUp') : t('reform.tasks.progress')}</Typography.Text>
            <Progress percent={d.progress} status={d.isOverdue ? 'exception' : undefined} />
            {d.copyCount > 0 ? (
              <>
                <Typography.Text type="secondary">{t('reform.tasks.ownProgress')}</Typography.Text>
                <Progress percent={d.ownProgress} size="small" />
              </>
            ) : null}
          </Card>
          <Card title={t('reform.tasks.periods')} style={{ marginBottom: 16 }}>
            <Timeline
              items={d.periods.map((p) => ({
                color: p.state === 'overdue' ? 'red' : p.state === 'accepted' ? 'green' : p.state === 'upcoming' ? 'gray' : 'blue',
                content: (
                  <Flex justify="space-between" gap={8}>
                    <span>
                      {p.period}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.dueOn}
                      </Typography.Text>
                    </span>
                    <PeriodStateTag state={p.state} />
                  </Flex>
                ),
              }))}
            />
          </Card>
          <Card title={t('reform.tasks.milestones')} style={{ marginBottom: 16 }}>
            {d.milestones.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={d.milestones}
                renderItem={(m) => (
                  <List.Item
                    extra={
                      m.doneOn ? (
                        <Typography.Text type="success">{t('reform.tasks.milestoneDoneAt', { date: m.doneOn })}</Typography.Text>
                      ) : d.can.report ? (
                        <Button size="small" type="link" loading={milestone.isPending} onClick={() => milestone.mutate(m.id, { onError })}>
                          {t('reform.tasks.milestoneDone')}
                        </Button>
                      ) : null
                    }
                  >
                    {m.title}（{m.dueOn}）
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card title={t('reform.tasks.deadlineChanges')}>
            {d.deadlineChanges.length === 0 ? (
              <Typography.Text type="secondary">{t('reform.tasks.noDeadlineChanges')}</Typography.Text>
            ) : (
              <Timeline
                items={d.deadlineChanges.map((c) => ({
                  content: (
                    <>
                      <div>
                        {c.fromDate} → {c.toDate}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {at(c.changedAt)} {c.changedBy ?? ''}：{c.reason}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {dialog?.kind === 'report' ? <ReportModal task={d} period={dialog.period} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'review' ? <ReviewModal report={dialog.report} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'handDown' ? <HandDownModal task={d} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'deadline' ? <DeadlineModal task={d} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'cancel' ? <CancelModal task={d} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
