import type { Completeness, CompletenessCounts } from '@changai/contracts';
import { Alert, Card, Col, Empty, Flex, Progress, Row, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../skills/Chart';
import { useCompleteness } from './use-reporting';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const COLORS = { approved: '#52c41a', pending: '#1677ff', returned: '#faad14', notSubmitted: '#ff4d4f' };

/**
 * 报送完整性与及时性: how completely and timely the units under an org (default: the actor's own
 * scope) reported a form for a period — totals, rates and a bar per child org. Self-contained: the
 * leaders' dashboard mounts it with an org and a period.
 */
export function ReportingCompleteness({ orgId, period }: { orgId?: string; period: string }) {
  const { t, i18n } = useTranslation();
  const [formId, setFormId] = useState<string | undefined>();
  const query = useCompleteness({ period, ...(orgId ? { orgId } : {}), ...(formId ? { formId } : {}) });
  const data = query.data;
  const isEn = i18n.language.startsWith('en');
  const title = (
    <Flex gap={8} align="center" wrap>
      <span>{t('reporting.completeness.title')}</span>
      {data ? (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
          {data.org.name} · {data.period}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const extra =
    data && data.forms.length > 1 ? (
      <Select
        size="small"
        style={{ minWidth: 200 }}
        aria-label={t('reporting.completeness.form')}
        value={data.form?.id}
        onChange={setFormId}
        options={data.forms.map((f) => ({ value: f.id, label: isEn ? f.nameEn : f.nameZh }))}
      />
    ) : data?.form ? (
      <Typography.Text type="secondary">{isEn ? data.form.nameEn : data.form.nameZh}</Typography.Text>
    ) : null;
  return (
    <Card title={title} extra={extra}>
      {query.error ? (
        <Alert type="error" showIcon title={query.error.message} />
      ) : !data ? (
        <Skeleton active />
      ) : !data.form || data.totals.expected === 0 ? (
        <Empty description={t('reporting.completeness.noForm')} />
      ) : (
        <CompletenessBody data={data} />
      )}
    </Card>
  );
}

function CompletenessBody({ data }: { data: Completeness }) {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const { totals } = data;
  const rates = [
    { key: 'rate', value: percent(totals.submitted, totals.expected), color: COLORS.pending },
    { key: 'onTimeRate', value: percent(totals.onTime, totals.expected), color: '#13c2c2' },
    { key: 'approvedRate', value: percent(totals.approved, totals.expected), color: COLORS.approved },
  ] as const;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {rates.map((r) => (
          <Col key={r.key} xs={8} md={4}>
            <Flex vertical align="center" gap={4}>
              <Progress type="dashboard" size={88} percent={r.value} strokeColor={r.color} format={(p) => `${p}%`} />
              <Typography.Text type="secondary">{t(`reporting.completeness.${r.key}`)}</Typography.Text>
            </Flex>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Row gutter={[8, 8]}>
            {(['expected', 'submitted', 'onTime', 'approved', 'overdue', 'returned'] as const).map((key) => (
              <Col key={key} span={8}>
                <Statistic
                  title={t(`reporting.completeness.${key}`)}
                  value={totals[key]}
                  styles={{ content: { color: key === 'overdue' && totals.overdue > 0 ? COLORS.notSubmitted : undefined, fontSize: 22 } }}
                />
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
      {data.periods.length > 1 ? (
        <Typography.Text type="secondary">
          {t('reporting.completeness.periods', { periods: data.periods.join(isEn ? ', ' : '、') })}
        </Typography.Text>
      ) : null}
      {data.byOrg.length > 1 ? <ByOrgChart data={data} /> : null}
      {data.byOrg.length > 0 ? <ByOrgTable data={data} /> : null}
    </Flex>
  );
}

function ByOrgChart({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const rows = data.byOrg;
    const name = (r: (typeof rows)[number]) => (r.org.id === data.org.id ? t('reporting.completeness.ownLevel') : r.org.name);
    const series: { key: 'approved' | 'pending' | 'returned' | 'notSubmitted'; value: (c: CompletenessCounts) => number; color: string }[] =
      [
        { key: 'approved', value: (c: CompletenessCounts) => c.approved, color: COLORS.approved },
        { key: 'pending', value: (c: CompletenessCounts) => c.submitted - c.approved, color: COLORS.pending },
        { key: 'returned', value: (c: CompletenessCounts) => c.returned, color: COLORS.returned },
        {
          key: 'notSubmitted',
          value: (c: CompletenessCounts) => c.expected - c.submitted - c.returned,
          color: COLORS.notSubmitted,
        },
      ];
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map(name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        name: t(`reporting.completeness.${s.key}`),
        type: 'bar',
        stack: 'units',
        barMaxWidth: 36,
        itemStyle: { color: s.color },
        data: rows.map((r) => s.value(r)),
      })),
    };
  }, [data, t]);
  return (
    <div>
      <Typography.Text strong>{t('reporting.completeness.byOrg')}</Typography.Text>
      <Chart option={option} height={300} label={t('reporting.completeness.chartLabel')} />
    </div>
  );
}

function ByOrgTable({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  type Row = Completeness['byOrg'][number];
  const rate = (part: number, whole: number) => `${percent(part, whole)}%`;
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.org.id}
      dataSource={data.byOrg}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: 'org',
          title: t('reporting.completeness.org'),
          render: (_, r) => (r.org.id === data.org.id ? t('reporting.completeness.ownLevel') : r.org.name),
        },
        { key: 'expected', title: t('reporting.completeness.expected'), dataIndex: 'expected', align: 'right' },
        { key: 'submitted', title: t('reporting.completeness.submitted'), dataIndex: 'submitted', align: 'right' },
        { key: 'rate', title: t('reporting.completeness.rate'), align: 'right', render: (_, r) => rate(r.submitted, r.expected) },
        { key: 'onTime', title: t('reporting.completeness.onTimeRate'), align: 'right', render: (_, r) => rate(r.onTime, r.expected) },
        { key: 'approved', title: t('reporting.completeness.approved'), dataIndex: 'approved', align: 'right' },
        {
          key: 'overdue',
          title: t('reporting.completeness.overdue'),
          align: 'right',
          render: (_, r) => <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{r.overdue}</Typography.Text>,
        },
        {
          key: 'returned',
          title: t('reporting.completeness.returned'),
          align: 'right',
          render: (_, r) => <Typography.Text type={r.returned > 0 ? 'warning' : undefined}>{r.returned}</Typography.Text>,
        },
      ]}
    />
  );
}
