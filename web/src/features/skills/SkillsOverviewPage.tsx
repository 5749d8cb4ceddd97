import { CARRIER_KIND_LEVELS, CARRIER_KINDS, CARRIER_STATUSES, type CarrierKind, type CarrierOverview } from '@changai/contracts';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Chart } from './Chart';
import { useCarrierOverview } from './use-skills';

const KIND_COLORS: Record<CarrierKind, string> = {
  training_base: '#cf1322',
  master_studio: '#d46b08',
  worker_training_base: '#1677ff',
  innovation_studio: '#389e0d',
};

const totalOf = (o: CarrierOverview, kind: CarrierKind) => o.byKindLevel.filter((r) => r.kind === kind).reduce((n, r) => n + r.count, 0);

function KindCards({ overview }: { overview: CarrierOverview }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {CARRIER_KINDS.map((kind) => {
        const label = t(`skills.kinds.${kind}`);
        const levels = CARRIER_KIND_LEVELS[kind]
          .map((level) => ({ level, count: overview.byKindLevel.find((r) => r.kind === kind && r.level === level)?.count ?? 0 }))
          .filter((l) => l.count > 0);
        return (
          <Col xs={12} lg={6} key={kind}>
            <Card role="group" aria-label={label} styles={{ body: { padding: '14px 18px' } }}>
              <Statistic
                title={<Link to={`/skills/carriers?kind=${kind}`}>{label}</Link>}
                value={totalOf(overview, kind)}
                suffix={t('skills.unitCount')}
                styles={{ content: { color: KIND_COLORS[kind] } }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {levels.map((l) => `${t(`skills.levels.${l.level}`)} ${l.count.toLocaleString()}`).join(' · ')}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** 技能形成: the province's carriers at a glance, as the seed reports them (51 / 172 / 149 / 3,102). */
export function SkillsOverviewPage() {
  const { t } = useTranslation();
  const overview = useCarrierOverview();
  const o = overview.data;
  const kindName = (kind: CarrierKind) => t(`skills.kinds.${kind}`);

  const prefectures = o
    ? [...new Set(o.byPrefecture.map((r) => r.regionCode))].map((code) => ({
        code,
        name: o.byPrefecture.find((r) => r.regionCode === code)?.regionName ?? t('skills.overview.regionUnknown'),
      }))
    : [];
  const years = o ? [...new Set(o.byYear.map((r) => r.year))].sort((a, b) => a - b) : [];

  return (
    <>
      <PageHeader title={t('skills.overview.title')} />
      {overview.error ? <Alert type="error" showIcon title={overview.error.message} /> : null}
      {!o ? (
        <Skeleton active />
      ) : (
        <>
          <KindCards overview={o} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ['pending', o.pendingApplications, '/skills/carriers?status=applied'],
                ['dueSoon', o.reviewsDueSoon, undefined],
                ['overdue', o.reviewsOverdue, '/skills/carriers?overdue=true'],
              ] as const
            ).map(([key, value, to]) => (
              <Col xs={24} md={8} key={key}>
                <Card role="group" aria-label={t(`skills.overview.${key}`)} styles={{ body: { padding: '14px 18px' } }}>
                  <Statistic
                    title={to ? <Link to={to}>{t(`skills.overview.${key}`)}</Link> : t(`skills.overview.${key}`)}
                    value={value}
                    suffix={t('skills.unitCount')}
                    styles={key === 'overdue' && value > 0 ? { content: { color: '#cf1322' } } : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t('skills.overview.recognised')} style={{ marginBottom: 16 }}>
                <Chart
                  label={t('skills.overview.recognised')}
                  option={{
                    animation: false,
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                    legend: { top: 0 },
                    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
                    xAxis: { type: 'value' },
                    yAxis: { type: 'category', data: CARRIER_KINDS.map(kindName), axisLabel: { width: 120, overflow: 'break' } },
                    series: (['national', 'provincial', 'city', 'county', 'enterprise'] as const).map((level) => ({
                      type: 'bar',
                      stack: 'level',
                      name: t(`skills.levels.${level}`),
                      data: CARRIER_KINDS.map((kind) => o.byKindLevel.find((r) => r.kind === kind && r.level === level)?.count ?? 0),
                    })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('skills.overview.byStatus')} style={{ marginBottom: 16 }}>
                <Chart
                  label={t('skills.overview.byStatus')}
                  option={{
                    animation: false,
                    tooltip: { trigger: 'item' },
                    legend: { orient: 'vertical', right: 0, top: 'middle' },
                    series: [
                      {
                        type: 'pie',
                        radius: ['40%', '70%'],
                        center: ['38%', '50%'],
                        label: { formatter: '{c}' },
                        data: CARRIER_STATUSES.map((status) => ({
                          name: t(`skills.statuses.${status}`),
                          value: o.byStatus.find((r) => r.status === status)?.count ?? 0,
                        })).filter((d) => d.value > 0),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('skills.overview.byPrefecture')} style={{ marginBottom: 16 }}>
            <Chart
              label={t('skills.overview.byPrefecture')}
              height={340}
              option={{
                animation: false,
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                legend: { top: 0 },
                grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: prefectures.map((p) => p.name), axisLabel: { interval: 0, rotate: 30 } },
                yAxis: { type: 'value' },
                series: CARRIER_KINDS.map((kind) => ({
                  type: 'bar',
                  stack: 'kind',
                  name: kindName(kind),
                  itemStyle: { color: KIND_COLORS[kind] },
                  data: prefectures.map((p) => o.byPrefecture.find((r) => r.regionCode === p.code && r.kind === kind)?.count ?? 0),
                })),
              }}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={t('skills.overview.byYear')} style={{ marginBottom: 16 }}>
                <Chart
                  label={t('skills.overview.byYear')}
                  option={{
                    animation: false,
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
                    xAxis: { type: 'category', data: years.map(String) },
                    yAxis: { type: 'value' },
                    series: CARRIER_KINDS.map((kind) => ({
                      type: 'bar',
                      stack: 'year',
                      name: kindName(kind),
                      itemStyle: { color: KIND_COLORS[kind] },
                      data: years.map((y) => o.byYear.find((r) => r.year === y && r.kind === kind)?.count ?? 0),
                    })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('skills.overview.outputs')} style={{ marginBottom: 16 }}>
                <Table
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={o.outputs}
                  columns={[
                    { key: 'year', title: t('skills.carriers.year'), dataIndex: 'year', width: 70 },
                    ...(['peopleTrained', 'certificatesGained', 'innovations', 'benefitYuan'] as const).map((key) => ({
                      key,
                      title: t(`skills.overview.${key}`),
                      align: 'right' as const,
                      render: (_: unknown, r: CarrierOverview['outputs'][number]) => r[key].toLocaleString(),
                    })),
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
