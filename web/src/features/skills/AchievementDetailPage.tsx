import { CheckCircleOutlined, FormOutlined } from '@ant-design/icons';
import type { AchievementDetail } from '@changai/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { AdoptModal, EvaluateModal } from './AchievementModals';
import { ACHIEVEMENT_STATUS_COLORS, yuan } from './skills-tags';
import { useAchievement } from './use-skills';

type Member = AchievementDetail['team'][number];

/** Where the achievement stands on submitted → evaluated → adopted (or stopped at evaluation). */
function Progress({ a }: { a: AchievementDetail }) {
  const { t } = useTranslation();
  const isRejected = a.status === 'rejected';
  const current = { submitted: 0, evaluated: 1, rejected: 1, adopted: 2 }[a.status];
  return (
    <Steps
      current={current}
      status={isRejected ? 'error' : a.status === 'adopted' ? 'finish' : 'process'}
      style={{ maxWidth: 760 }}
      items={[
        { title: t('skills.achievementStatuses.submitted'), content: a.submittedOn },
        {
          title: isRejected ? t('skills.achievementStatuses.rejected') : t('skills.achievementStatuses.evaluated'),
          content: a.evaluatedOn ?? undefined,
        },
        { title: t('skills.achievementStatuses.adopted'), content: a.adoptedOn ?? undefined },
      ]}
    />
  );
}

/** 成果详情: the team, the studio, patents, and the evaluation; evaluate and adopt for those allowed. */
export function AchievementDetailPage() {
  const { t } = useTranslation();
  const { achievementId } = useParams();
  const query = useAchievement(achievementId);
  const canEvaluate = useCan('innovation:evaluate');
  const canReadWorkers = useCan('workers:read');
  const [open, setOpen] = useState<'evaluate' | 'adopt'>();
  const a = query.data;
  if (query.error) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Result
          status="404"
          title={query.error.message}
          extra={
            <Link to="/skills/innovation">
              <Button type="primary">{t('skills.achievement.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <Alert type="error" showIcon title={query.error.message} />;
  }
  if (!a) return <Skeleton active />;

  return (
    <>
      <Link to="/skills/innovation">← {t('skills.achievement.back')}</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {a.title}
            <Tag>{t(`skills.achievementKinds.${a.kind}`)}</Tag>
            <Tag color={ACHIEVEMENT_STATUS_COLORS[a.status]}>{t(`skills.achievementStatuses.${a.status}`)}</Tag>
          </Flex>
        }
        extra={
          canEvaluate ? (
            <>
              {a.status === 'submitted' ? (
                <Button type="primary" icon={<FormOutlined />} onClick={() => setOpen('evaluate')}>
                  {t('skills.achievement.evaluate')}
                </Button>
              ) : null}
              {a.status === 'evaluated' ? (
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setOpen('adopt')}>
                  {t('skills.achievement.adopt')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Progress a={a} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('skills.achievement.details')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'org', label: t('skills.innovation.org'), children: a.org.name },
                {
                  key: 'studio',
                  label: t('skills.innovation.studio'),
                  children: a.studio ? <Link to={`/skills/carriers/${a.studio.id}`}>{a.studio.name}</Link> : '—',
                },
                { key: 'startedOn', label: t('skills.achievement.startedOn'), children: a.startedOn ?? '—' },
                { key: 'submittedOn', label: t('skills.innovation.submittedOn'), children: a.submittedOn },
                { key: 'benefit', label: t('skills.innovation.benefit'), children: yuan(a.benefitYuan) },
                {
                  key: 'patents',
                  label: t('skills.innovation.patents'),
                  children: a.patentNumbers.length ? (
                    <Flex gap={4} wrap>
                      {a.patentNumbers.map((p) => (
                        <Tag key={p}>{p}</Tag>
                      ))}
                    </Flex>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'summary',
                  label: t('skills.achievement.summary'),
                  span: 2,
                  children: a.summary ? <Typography.Paragraph style={{ margin: 0 }}>{a.summary}</Typography.Paragraph> : '—',
                },
              ]}
            />
          </Card>
          {a.evaluation ? (
            <Card title={a.status === 'rejected' ? t('skills.carriers.reason') : t('skills.achievement.evaluation')}>
              <Typography.Paragraph style={{ margin: 0 }}>{a.evaluation}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('skills.achievement.evaluatedOn')} {a.evaluatedOn}
              </Typography.Text>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('skills.achievement.teamCount', { count: a.team.length })}>
            <Table<Member>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={a.team}
              columns={[
                {
                  key: 'name',
                  title: t('skills.carriers.worker'),
                  render: (_, m) => (
                    <Flex gap={6} align="center">
                      {canReadWorkers ? <Link to={`/workers/${m.id}`}>{m.name}</Link> : m.name}
                      {m.isLead ? <Tag color="gold">{t('skills.achievement.lead')}</Tag> : null}
                    </Flex>
                  ),
                },
                { key: 'org', title: t('skills.carriers.employer'), ellipsis: true, render: (_, m) => m.orgName },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {open === 'evaluate' ? <EvaluateModal achievement={a} onClose={() => setOpen(undefined)} /> : null}
      {open === 'adopt' ? <AdoptModal achievement={a} onClose={() => setOpen(undefined)} /> : null}
    </>
  );
}
