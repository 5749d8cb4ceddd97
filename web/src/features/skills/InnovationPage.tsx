import { PlusOutlined } from '@ant-design/icons';
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_STATUSES,
  AchievementListQuerySchema,
  type AchievementSummary,
  type Ranking,
} from '@changai/contracts';
import { Alert, Button, Card, Col, Flex, Input, Row, Segmented, Select, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AchievementFilters } from '../../api/skills.api';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { SubmitAchievementModal } from './AchievementModals';
import { Chart } from './Chart';
import { ACHIEVEMENT_STATUS_COLORS, yuan } from './skills-tags';
import { PAGE_SIZE, useAchievements, useCarrier, useRankings } from './use-skills';

const shape = AchievementListQuerySchema.shape;

function Rankings() {
  const { t } = useTranslation();
  const [by, setBy] = useState<'org' | 'industry'>('org');
  const rankings = useRankings(by);
  const r = rankings.data;
  const industryName = (row: Ranking['rows'][number]) =>
    by === 'industry' ? t(`skills.industries.${row.key}`, { defaultValue: row.name }) : row.name;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card
          title={t('skills.innovation.rankings')}
          style={{ marginBottom: 16 }}
          extra={
            <Segmented
              value={by}
              onChange={(v) => setBy(v as 'org' | 'industry')}
              options={[
                { value: 'org', label: t('skills.innovation.byOrg') },
                { value: 'industry', label: t('skills.innovation.byIndustry') },
              ]}
            />
          }
        >
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            loading={rankings.isPending}
            dataSource={r?.rows ?? []}
            columns={[
              { key: 'rank', title: '#', width: 40, render: (_, _row, i) => i + 1 },
              { key: 'name', title: t('skills.innovation.rankName'), ellipsis: true, render: (_, row) => industryName(row) },
              { key: 'achievements', title: t('skills.innovation.achievements'), width: 72, align: 'right', dataIndex: 'achievements' },
              { key: 'adopted', title: t('skills.innovation.adopted'), width: 72, align: 'right', dataIndex: 'adopted' },
              { key: 'patents', title: t('skills.innovation.patents'), width: 64, align: 'right', dataIndex: 'patents' },
              {
                key: 'benefit',
                title: t('skills.innovation.benefit'),
                width: 140,
                align: 'right',
                render: (_, row) => yuan(row.benefitYuan),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('skills.innovation.byKind')} style={{ marginBottom: 16 }}>
          {r ? (
            <Chart
              label={t('skills.innovation.byKind')}
              height={300}
              option={{
                animation: false,
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                legend: { top: 0 },
                grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: ACHIEVEMENT_KINDS.map((k) => t(`skills.achievementKinds.${k}`)) },
                yAxis: { type: 'value' },
                series: ACHIEVEMENT_STATUSES.map((status) => ({
                  type: 'bar',
                  stack: 'status',
                  name: t(`skills.achievementStatuses.${status}`),
                  data: ACHIEVEMENT_KINDS.map((kind) => r.byKind.find((x) => x.kind === kind && x.status === status)?.count ?? 0),
                })),
              }}
            />
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}

/** 创新成果: mass technical innovation with rankings by org and industry. */
export function InnovationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { filters, page } = useMemo(() => {
    const f: AchievementFilters = {};
    for (const key of ['q', 'kind', 'status', 'studioId', 'orgId'] as const) {
      const parsed = shape[key].safeParse(params.get(key) ?? undefined);
      if (parsed.success && parsed.data !== undefined) Object.assign(f, { [key]: parsed.data });
    }
    const n = Number(params.get('page'));
    return { filters: f, page: Number.isInteger(n) && n > 1 ? n : 1 };
  }, [params]);
  const list = useAchievements(filters, page);
  const canSubmit = useCan('innovation:submit');
  const canPickOrg = useCan('org:read');
  const [isSubmitting, setSubmitting] = useState(false);
  const studio = useCarrier(filters.studioId);
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const setFilter = (changes: AchievementFilters & { page?: number }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!('page' in changes)) next.delete('page');
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('skills.innovation.title')}
        extra={
          canSubmit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)}>
              {t('skills.achievement.open')}
            </Button>
          ) : null
        }
      />
      <Rankings />
      <Card title={t('skills.innovation.list')} styles={{ body: { padding: 16 } }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            enterButton
            placeholder={t('skills.innovation.search')}
            aria-label={t('skills.innovation.search')}
            style={{ width: 280 }}
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setFilter({ q: value.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t('skills.innovation.kind')}
            aria-label={t('skills.innovation.kind')}
            style={{ width: 150 }}
            value={filters.kind}
            onChange={(kind) => setFilter({ kind })}
            options={ACHIEVEMENT_KINDS.map((k) => ({ value: k, label: t(`skills.achievementKinds.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t('skills.innovation.status')}
            aria-label={t('skills.innovation.status')}
            style={{ width: 120 }}
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            options={ACHIEVEMENT_STATUSES.map((s) => ({ value: s, label: t(`skills.achievementStatuses.${s}`) }))}
          />
          {filters.studioId ? (
            <Tag closable onClose={() => setFilter({ studioId: undefined })} style={{ marginInlineEnd: 0 }}>
              {t('skills.innovation.studio')}：{studio.data?.name ?? '…'}
            </Tag>
          ) : null}
          {canPickOrg ? (
            <OrgPicker
              aria-label={t('skills.innovation.orgFilter')}
              placeholder={t('skills.innovation.orgFilter')}
              style={{ width: 240 }}
              value={filters.orgId}
              onChange={(orgId) => setFilter({ orgId })}
            />
          ) : null}
          {Object.values(filters).some((v) => v !== undefined) ? (
            <Button
              type="link"
              size="small"
              onClick={() => setFilter({ q: undefined, kind: undefined, status: undefined, studioId: undefined, orgId: undefined })}
            >
              {t('skills.carriers.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<AchievementSummary>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('skills.innovation.total', { count: total }),
            onChange: (next) => setFilter({ page: next }),
          }}
          columns={[
            {
              key: 'title',
              title: t('skills.innovation.achievementTitle'),
              minWidth: 220,
              render: (_, a) => <Link to={`/skills/innovation/${a.id}`}>{a.title}</Link>,
            },
            { key: 'kind', title: t('skills.innovation.kind'), width: 110, render: (_, a) => t(`skills.achievementKinds.${a.kind}`) },
            { key: 'org', title: t('skills.innovation.org'), minWidth: 150, ellipsis: true, render: (_, a) => a.org.name },
            {
              key: 'studio',
              title: t('skills.innovation.studio'),
              minWidth: 150,
              ellipsis: true,
              render: (_, a) => (a.studio ? <Link to={`/skills/carriers/${a.studio.id}`}>{a.studio.name}</Link> : '—'),
            },
            { key: 'submittedOn', title: t('skills.innovation.submittedOn'), width: 100, dataIndex: 'submittedOn' },
            {
              key: 'status',
              title: t('skills.innovation.status'),
              width: 80,
              render: (_, a) => <Tag color={ACHIEVEMENT_STATUS_COLORS[a.status]}>{t(`skills.achievementStatuses.${a.status}`)}</Tag>,
            },
            { key: 'benefit', title: t('skills.innovation.benefit'), width: 120, align: 'right', render: (_, a) => yuan(a.benefitYuan) },
            { key: 'patents', title: t('skills.innovation.patents'), width: 180, render: (_, a) => a.patentNumbers.join('、') || '—' },
            { key: 'team', title: t('skills.innovation.teamSize'), width: 64, align: 'right', dataIndex: 'teamSize' },
          ]}
        />
      </Card>
      {isSubmitting ? <SubmitAchievementModal onClose={() => setSubmitting(false)} /> : null}
    </>
  );
}
