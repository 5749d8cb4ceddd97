import { ArrowLeftOutlined, EditOutlined, FileAddOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import type { Credential, WorkerDetail } from '@changai/contracts';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { FullPageSpinner } from '../../app/guards';
import { readsOnlySelf } from '../../app/modules';
import { PageHeader } from '../../components/PageHeader';
import { useActor, useCan } from '../auth/use-session';
import { WorkerSkillsCard } from '../skills/WorkerSkillsCard';
import { credentialHeadline, labelOf, timelineOrder } from './credential-labels';
import { GrantCredentialModal } from './GrantCredentialModal';
import { IdentityDescriptions } from './IdentityReveal';
import { RevokeCredentialModal } from './RevokeCredentialModal';
import { useWorker } from './use-workers';
import { WorkerFormModal } from './WorkerFormModal';
import { HighSkilledTag, NoValue, SkillLevelTag, TitleTag, WorkerStatusTag } from './worker-tags';

const KIND_COLORS: Record<Credential['kind'], string> = {
  skill_level: 'blue',
  title: 'purple',
  academic: 'cyan',
  one_plus_x: 'geekblue',
  honor: 'red',
};

function EmploymentDescriptions({ worker, onEdit }: { worker: WorkerDetail; onEdit?: () => void }) {
  const { t } = useTranslation();
  const canReadOrgs = useCan('org:read');
  return (
    <Descriptions
      size="small"
      column={2}
      title={t('profile.employment')}
      extra={
        onEdit ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
        ) : null
      }
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'employer',
          label: t('workers.employer'),
          span: 2,
          children: canReadOrgs ? <Link to={`/orgs?org=${worker.org.id}`}>{worker.org.name}</Link> : worker.org.name,
        },
        { key: 'status', label: t('workers.status'), children: <WorkerStatusTag status={worker.status} /> },
        { key: 'regionCode', label: t('workers.regionCode'), children: worker.regionCode },
        { key: 'occupationCode', label: t('workers.occupationCode'), children: worker.occupationCode ?? <NoValue /> },
        { key: 'industryDivision', label: t('workers.industryDivision'), children: worker.industryDivision ?? <NoValue /> },
        { key: 'employedFrom', label: t('workers.employedFrom'), children: worker.employedFrom ?? <NoValue /> },
        { key: 'employedTo', label: t('workers.employedTo'), children: worker.employedTo ?? <NoValue /> },
        { key: 'frontline', label: t('workers.isFrontline'), children: worker.isFrontline ? t('common.yes') : t('common.no') },
        { key: 'union', label: t('workers.isUnionMember'), children: worker.isUnionMember ? t('common.yes') : t('common.no') },
      ]}
    />
  );
}

function CredentialEntry({ credential, onRevoke }: { credential: Credential; onRevoke?: () => void }) {
  const { t } = useTranslation();
  const isRevoked = credential.status === 'revoked';
  const details = [
    credential.kind === 'skill_level' || credential.kind === 'academic' ? credential.name : null,
    credential.certificateNumber ? `${t('profile.certificateNumber')}${t('common.colon')}${credential.certificateNumber}` : null,
    credential.issuer ? `${t('profile.issuer')}${t('common.colon')}${credential.issuer}` : null,
  ].filter(Boolean);
  return (
    <Flex vertical gap={2} style={{ paddingBottom: 4 }}>
      <Flex gap={8} align="center" wrap>
        <Tag color={isRevoked ? 'default' : KIND_COLORS[credential.kind]} style={{ marginInlineEnd: 0 }}>
          {labelOf(t, 'credentialKinds', credential.kind)}
        </Tag>
        <Typography.Text strong delete={isRevoked} type={isRevoked ? 'secondary' : undefined}>
          {credentialHeadline(t, credential)}
        </Typography.Text>
        {isRevoked ? <Tag style={{ marginInlineEnd: 0 }}>{t('profile.revoked')}</Tag> : null}
        <Tag variant="outlined" style={{ marginInlineEnd: 0, color: '#8c8c8c' }}>
          {labelOf(t, 'credentialSources', credential.source)}
        </Tag>
        {onRevoke ? (
          <Button type="link" size="small" danger icon={<StopOutlined />} onClick={onRevoke}>
            {t('profile.revoke')}
          </Button>
        ) : null}
      </Flex>
      {details.length ? (
        <Typography.Text type="secondary" delete={isRevoked} style={{ fontSize: 13 }}>
          {details.join(' · ')}
        </Typography.Text>
      ) : null}
      {credential.equivalentTo ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('profile.equivalentTo', { level: labelOf(t, 'academicLevels', credential.equivalentTo) })}
        </Typography.Text>
      ) : null}
      {isRevoked ? (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>
          {t('profile.revokedBecause', { date: credential.revokedOn ?? '', reason: credential.revokedReason ?? '' })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Sections later modules fill in; until then they say so, with no invented records. */
function LaterModules() {
  const { t } = useTranslation();
  const modules = [t('profile.competitions'), t('profile.conversions')];
  return (
    <Card title={t('profile.laterModules')} size="small">
      <Flex vertical gap={14}>
        {modules.map((name) => (
          <section key={name} aria-label={name}>
            <Flex align="center" gap={8} style={{ marginBottom: 2 }}>
              <Typography.Text strong>{name}</Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{t('profile.noRecords')}</Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('profile.laterModule', { module: name })}
            </Typography.Text>
          </section>
        ))}
      </Flex>
    </Card>
  );
}

/** 职工档案: identity, employment, and every credential and honor over time. */
export function WorkerProfilePage() {
  const { t } = useTranslation();
  const { workerId } = useParams();
  const location = useLocation();
  const actor = useActor();
  const canManage = useCan('workers:manage');
  const canConvert = useCan('conversion:read');
  const query = useWorker(workerId);
  const [isEditing, setEditing] = useState(false);
  const [isGranting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<Credential | null>(null);
  const isSelf = readsOnlySelf(actor.role);
  // Back to the list as it was left (its filters), when the profile was opened from it.
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? '';

  if (query.isPending) return <FullPageSpinner />;
  if (query.error) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Result
          status="404"
          title={query.error.message}
          extra={
            <Link to="/workers">
              <Button type="primary">{t('profile.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <Alert type="error" showIcon title={query.error.message} />;
  }
  const worker = query.data;
  const credentials = timelineOrder(worker.credentials);

  return (
    <>
      {isSelf ? null : (
        <Link to={`/workers${listSearch}`} style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('profile.back')}
        </Link>
      )}
      <PageHeader
        title={
          <Flex align="center" gap={12} wrap>
            <span>{worker.name}</span>
            <Flex gap={6} wrap style={{ fontSize: 14, fontWeight: 'normal' }}>
              {worker.highestSkillLevel ? <SkillLevelTag level={worker.highestSkillLevel} /> : null}
              {worker.highestTitle ? <TitleTag level={worker.highestTitle} /> : null}
              {worker.isHighSkilled ? <HighSkilledTag /> : null}
              {worker.isFrontline ? (
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {t('profile.frontline')}
                </Tag>
              ) : null}
              {worker.isUnionMember ? (
                <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                  {t('profile.unionMember')}
                </Tag>
              ) : null}
            </Flex>
          </Flex>
        }
        extra={
          <>
            {canConvert ? (
              <Link to={isSelf ? '/conversion' : `/conversion/workers/${worker.id}`}>
                <Button icon={<SwapOutlined />}>{t('conversion.openPathways')}</Button>
              </Link>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => setGranting(true)}>
                {t('profile.grant')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[32, 16]}>
          <Col xs={24} xl={9}>
            <IdentityDescriptions worker={worker} />
          </Col>
          <Col xs={24} xl={15}>
            <EmploymentDescriptions worker={worker} onEdit={canManage ? () => setEditing(true) : undefined} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('profile.credentials')} size="small" styles={{ body: { paddingTop: 20 } }}>
            {credentials.length ? (
              <Timeline
                mode="start"
                titleSpan="104px"
                items={credentials.map((c) => ({
                  key: c.id,
                  color: c.status === 'revoked' ? 'gray' : KIND_COLORS[c.kind],
                  title: <span style={{ fontVariantNumeric: 'tabular-nums', color: '#595959' }}>{c.issuedOn}</span>,
                  content: (
                    <CredentialEntry credential={c} onRevoke={canManage && c.status === 'valid' ? () => setRevoking(c) : undefined} />
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.credentialsEmpty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <WorkerSkillsCard workerId={worker.id} />
          <LaterModules />
        </Col>
      </Row>
      {isEditing ? <WorkerFormModal worker={worker} onClose={() => setEditing(false)} /> : null}
      {isGranting ? <GrantCredentialModal worker={worker} onClose={() => setGranting(false)} /> : null}
      {revoking ? <RevokeCredentialModal credential={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}
