import type { Alignment, AlignmentRow } from '@changai/contracts';
import { Alert, Card, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { labelOf } from '../workers/credential-labels';
import { Chart } from './Chart';
import { DemandCard } from './DemandCard';
import { useAlignment } from './use-skills';

type Gap = Alignment['largestGaps'][number];

/** 产业匹配: per catalogue industry and prefecture, skilled supply against the demand units enter. */
export function AlignmentPage() {
  const { t } = useTranslation();
  const alignment = useAlignment();
  const a = alignment.data;
  const industry = (code: string) => t(`skills.industries.${code}`, { defaultValue: code });
  const region = (name: string | null) => name ?? t('skills.overview.regionUnknown');
  const topGaps = a?.largestGaps.slice(0, 10) ?? [];
  const gapLabel = (g: Gap) => `${industry(g.industry)} · ${region(g.regionName)} · ${g.occupationCode}`;

  return (
    <>
      <PageHeader title={t('skills.alignment.title')} />
      {alignment.error ? <Alert type="error" showIcon title={alignment.error.message} /> : null}
      {!a ? (
        <Skeleton active />
      ) : (
        <>
          <Card title={t('skills.alignment.largestGaps')} style={{ marginBottom: 16 }}>
            {topGaps.length ? (
              <>
                <Chart
                  label={t('skills.alignment.largestGaps')}
                  height={Math.max(180, topGaps.length * 30)}
                  option={{
                    animation: false,
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                    legend: { top: 0 },
                    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
                    xAxis: { type: 'value' },
                    yAxis: { type: 'category', inverse: true, data: topGaps.map(gapLabel) },
                    series: [
                      {
                        type: 'bar',
                        name: t('skills.alignment.supply'),
                        stack: 'need',
                        itemStyle: { color: '#52c41a' },
                        data: topGaps.map((g) => g.supply),
                      },
                      {
                        type: 'bar',
                        name: t('skills.alignment.gap'),
                        stack: 'need',
                        itemStyle: { color: '#cf1322' },
                        data: topGaps.map((g) => g.gap),
                      },
                    ],
                  }}
                />
                <Table<Gap>
                  size="small"
                  rowKey={(g) => `${g.industry}-${g.regionCode}-${g.occupationCode}-${g.level}`}
                  pagination={false}
                  dataSource={a.largestGaps}
                  columns={[
                    { key: 'industry', title: t('skills.alignment.industry'), render: (_, g) => industry(g.industry) },
                    { key: 'region', title: t('skills.alignment.region'), render: (_, g) => region(g.regionName) },
                    { key: 'occupation', title: t('skills.alignment.occupation'), dataIndex: 'occupationCode' },
                    { key: 'level', title: t('skills.alignment.level'), render: (_, g) => labelOf(t, 'skillLevels', g.level) },
                    { key: 'needed', title: t('skills.alignment.needed'), align: 'right', dataIndex: 'needed' },
                    { key: 'supply', title: t('skills.alignment.supply'), align: 'right', dataIndex: 'supply' },
                    {
                      key: 'gap',
                      title: t('skills.alignment.gap'),
                      align: 'right',
                      render: (_, g) => <Typography.Text type={g.gap > 0 ? 'danger' : undefined}>{g.gap.toLocaleString()}</Typography.Text>,
                    },
                  ]}
                />
              </>
            ) : (
              <Typography.Text type="secondary">{t('skills.alignment.noDemand')}</Typography.Text>
            )}
          </Card>
          <DemandCard />
          <Card title={t('skills.alignment.table')}>
            <Table<AlignmentRow>
              size="small"
              rowKey={(r) => `${r.industry}-${r.regionCode}`}
              dataSource={a.rows}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              columns={[
                { key: 'industry', title: t('skills.alignment.industry'), render: (_, r) => industry(r.industry) },
                { key: 'region', title: t('skills.alignment.region'), render: (_, r) => region(r.regionName) },
                ...(['skilled', 'highSkilled', 'carriers', 'trainingPlaces', 'demand'] as const).map((key) => ({
                  key,
                  title: t(`skills.alignment.${key}`),
                  align: 'right' as const,
                  sorter: (x: AlignmentRow, y: AlignmentRow) => x[key] - y[key],
                  render: (_: unknown, r: AlignmentRow) => r[key].toLocaleString(),
                })),
                {
                  key: 'gap',
                  title: t('skills.alignment.gap'),
                  align: 'right',
                  sorter: (x, y) => x.gap - y.gap,
                  render: (_, r) => <Typography.Text type={r.gap > 0 ? 'danger' : undefined}>{r.gap.toLocaleString()}</Typography.Text>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
