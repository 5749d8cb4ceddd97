import type { CarrierDetail, CarrierReview } from '@changai/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { DecideReviewModal, FileReviewModal, RecognitionModal, RevokeModal } from './CarrierModals';
import { CarrierLevelTag, CarrierStatusTag, yuan } from './skills-tags';
import { useCarrier } from './use-skills';

type Action = 'recognise' | 'fileReview' | 'decideReview' | 'revoke';

/** The actions the carrier's state allows, narrowed to those the session may take (the server still decides). */
function actionsFor(c: CarrierDetail, canReview: boolean, canApply: boolean): Action[] {
  const isActive = c.status === 'recognised' || c.status === 'review_passed' || c.status === 'review_failed';
  const actions: Action[] = [];
  if (canReview && c.status === 'applied') actions.push('recognise');
  if (canApply && isActive) actions.push('fileReview');
  if (canReview && isActive && c.reviews.some((r) => !r.result)) actions.push('decideReview');
  if (canReview && isActive) actions.push('revoke');
  return actions;
}

export function CarrierDetailPage() {
  const { t } = useTranslation();
  const { carrierId } = useParams();
  const carrier = useCarrier(carrierId);
  const canReview = useCan('carriers:review');
  const canApply = useCan('carriers:apply');
  const canReadWorkers = useCan('workers:read');
  const [open, setOpen] = useState<Action>();
  const c = carrier.data;

  if (carrier.error) return <Alert type="error" showIcon title={carrier.error.message} />;
  if (!c) return <Skeleton active />;
  const actions = actionsFor(c, canReview, canApply);
  const close = () => setOpen(undefined);

  return (
    <>
      <Link to="/skills/carriers">← {t('skills.carriers.back')}</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {c.name}
            <CarrierStatusTag status={c.status} />
            {c.reviewOverdueSince ? <Tag color="red">{t('skills.carriers.overdueSince', { date: c.reviewOverdueSince })}</Tag> : null}
          </Flex>
        }
        extra={actions.map((a) => (
          <Button key={a} type={a === 'recognise' ? 'primary' : 'default'} danger={a === 'revoke'} onClick={() => setOpen(a)}>
            {t(`skills.carriers.${a}`)}
          </Button>
        ))}
      />
      {c.status === 'rejected' && c.rejectionReason ? (
        <Alert
          type="warning"
          showIcon
          title={`${t('skills.carriers.rejectionReason')}${t('common.colon')}${c.rejectionReason}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {c.status === 'revoked' ? (
        <Alert
          type="error"
          showIcon
          title={`${t('skills.carriers.revokedOn')} ${c.revokedOn ?? ''}${t('common.colon')}${c.revokedReason ?? ''}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          size="small"
          items={[
            {
              key: 'kind',
              label: t('skills.carriers.kind'),
              children: c.studioType ? t(`skills.studioTypes.${c.studioType}`) : t(`skills.kinds.${c.kind}`),
            },
            { key: 'level', label: t('skills.carriers.level'), children: <CarrierLevelTag level={c.level} /> },
            { key: 'host', label: t('skills.carriers.host'), children: c.host.name },
            { key: 'leader', label: t('skills.carriers.leader'), children: c.leader?.name ?? c.leaderName ?? '—' },
            { key: 'appliedOn', label: t('skills.carriers.appliedOn'), children: c.appliedOn },
            { key: 'recognisedOn', label: t('skills.carriers.recognisedOn'), children: c.recognisedOn ?? '—' },
            { key: 'document', label: t('skills.carriers.documentNumber'), children: c.documentNumber ?? '—' },
            { key: 'nextReviewDue', label: t('skills.carriers.nextReviewDue'), children: c.nextReviewDue ?? '—' },
            { key: 'industries', label: t('skills.carriers.industries'), children: c.industryDivisions.join('、') || '—' },
            { key: 'occupations', label: t('skills.carriers.occupations'), children: c.occupationCodes.join('、') || '—' },
            {
              key: 'programs',
              label: t('skills.carriers.programs'),
              children: c.programs ? <Link to={`/skills/programs?carrierId=${c.id}`}>{c.programs}</Link> : 0,
            },
            {
              key: 'achievements',
              label: t('skills.carriers.achievements'),
              children: c.achievements ? <Link to={`/skills/innovation?studioId=${c.id}`}>{c.achievements}</Link> : 0,
            },
            ...(c.description ? [{ key: 'description', label: t('skills.carriers.description'), span: 3, children: c.description }] : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('skills.carriers.reviews')} style={{ marginBottom: 16 }}>
            <Table<CarrierReview>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.reviews}
              columns={[
                { key: 'year', title: t('skills.carriers.year'), dataIndex: 'year', width: 64 },
                {
                  key: 'peopleTrained',
                  title: t('skills.overview.peopleTrained'),
                  align: 'right',
                  render: (_, r) => r.peopleTrained.toLocaleString(),
                },
                {
                  key: 'certificatesGained',
                  title: t('skills.overview.certificatesGained'),
                  align: 'right',
                  render: (_, r) => r.certificatesGained.toLocaleString(),
                },
                { key: 'innovations', title: t('skills.overview.innovations'), align: 'right', dataIndex: 'innovations' },
                { key: 'benefitYuan', title: t('skills.overview.benefitYuan'), align: 'right', render: (_, r) => yuan(r.benefitYuan) },
                {
                  key: 'result',
                  title: t('skills.carriers.result'),
                  render: (_, r) =>
                    r.result ? (
                      <Tag color={r.result === 'passed' ? 'success' : 'error'}>{t(`skills.reviewResults.${r.result}`)}</Tag>
                    ) : (
                      <Tag color="processing">{t('skills.carriers.pendingDecision')}</Tag>
                    ),
                },
                { key: 'comment', title: t('skills.carriers.comment'), ellipsis: true, render: (_, r) => r.comment ?? r.summary ?? '' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('skills.carriers.members')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.members}
              columns={[
                {
                  key: 'name',
                  title: t('skills.carriers.worker'),
                  render: (_, m) => (canReadWorkers ? <Link to={`/workers/${m.id}`}>{m.name}</Link> : m.name),
                },
                { key: 'role', title: '', width: 72, render: (_, m) => t(`skills.carriers.memberRole.${m.role}`) },
                { key: 'org', title: t('skills.carriers.employer'), ellipsis: true, render: (_, m) => m.orgName },
                { key: 'joinedOn', title: t('skills.carriers.joinedOn'), width: 100, dataIndex: 'joinedOn' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {open === 'recognise' ? <RecognitionModal carrier={c} onClose={close} /> : null}
      {open === 'fileReview' ? <FileReviewModal carrier={c} onClose={close} /> : null}
      {open === 'decideReview' ? <DecideReviewModal carrier={c} onClose={close} /> : null}
      {open === 'revoke' ? <RevokeModal carrier={c} onClose={close} /> : null}
    </>
  );
}
