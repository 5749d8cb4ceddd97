import { AimOutlined, ClockCircleOutlined, FallOutlined, FileTextOutlined, RiseOutlined } from '@ant-design/icons';
import type { Dashboard, DashboardCard } from '@changai/contracts';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Chart, registerGeoJson } from '../../components/Chart';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { ReportingCompleteness } from '../reporting/ReportingCompleteness';
import { useDashboard, useDashboardMap } from './use-dashboard';

const RED = '#c41d1d';
const BLUE = '#1f5fbf';
const INDUSTRY_COLORS = { pillar: '#c41d1d', characteristic: '#d4862a', emerging: '#1f5fbf', other: '#999' } as const;

/** Hubei's 17 prefecture-level divisions placed roughly by geography: [code, row, column]. */
const TILES: [string, number, number][] = [
  ['420300', 0, 0],
  ['420600', 0, 1],
  ['421300', 0, 2],
  ['429021', 1, 0],
  ['420800', 1, 1],
  ['420900', 1, 2],
  ['421100', 1, 4],
  ['422800', 2, 0],
  ['420500', 2, 1],
  ['429006', 2, 2],
  ['420100', 2, 3],
  ['420700', 2, 4],
  ['421000', 3, 1],
  ['429005', 3, 2],
  ['429004', 3, 3],
  ['420200', 3, 4],
  ['421200', 4, 3],
];

/** The last quarter that ended on or before a date ("2020-10-31" → "2020-Q3"): the one units have reported. */
function lastEndedQuarter(date: string) {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const ended = date.slice(5) === ['03-31', '06-30', '09-30', '12-31'][quarter - 1] ? quarter : quarter - 1;
  return ended === 0 ? `${year - 1}-Q4` : `${year}-Q${ended}`;
}

const fmt = (n: number | null, decimals: number) =>
  n === null ? '—' : n.toLocaleString(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function Change({ card }: { card: DashboardCard }) {
  const { t } = useTranslation();
  if (card.value === null || card.lastYear === null) return <Typography.Text type="secondary">{t('dashboard.noLastYear')}</Typography.Text>;
  const delta = Math.round((card.value - card.lastYear) * 10 ** card.decimals) / 10 ** card.decimals;
  const up = delta >= 0;
  const color = up ? '#237804' : '#a8071a';
  const text =
    card.unitZh === '%'
      ? t('dashboard.vsLastYearPoints', { sign: up ? '+' : '−', value: fmt(Math.abs(delta), card.decimals) })
      : `${t('dashboard.vsLastYear')} ${up ? '+' : '−'}${fmt(Math.abs(delta), card.decimals)}`;
  return (
    <Typography.Text style={{ color }}>
      {up ? <RiseOutlined /> : <FallOutlined />} {text}
    </Typography.Text>
  );
}

function unitOf(card: DashboardCard, lang: string) {
  return lang.startsWith('en') ? card.unitEn : card.unitZh;
}

/** The headline: high-skilled workers, their share against the target, skilled workers. */
function HeadlineCards({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const name = (c: DashboardCard) => (i18n.language.startsWith('en') ? c.nameEn : c.nameZh);
  const exact: Record<string, number> = { high_skilled_total: d.totals.highSkilled, skilled_total: d.totals.skilled };
  const headline = ['high_skilled_total', 'high_skilled_share', 'skilled_total']
    .map((code) => d.cards.find((c) => c.code === code))
    .filter((c): c is DashboardCard => c !== undefined);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {headline.map((card) => {
        const target = card.target;
        const progress = target && card.value !== null ? Math.min(100, Math.round((card.value / target.value) * 100)) : null;
        const gap = target && card.value !== null ? Math.round((target.value - card.value) * 10) / 10 : null;
        return (
          <Col xs={24} md={8} key={card.code}>
            <Card
              role="group"
              aria-label={name(card)}
              style={{ height: '100%', borderTop: `3px solid ${card.code === 'high_skilled_share' ? RED : BLUE}` }}
            >
              <Statistic
                title={
                  <Flex justify="space-between">
                    <span style={{ fontSize: 15 }}>{name(card)}</span>
                    {card.version && card.version > 1 ? <Tag>{t('dashboard.version', { version: card.version })}</Tag> : null}
                  </Flex>
                }
                value={fmt(card.value, card.decimals)}
                suffix={unitOf(card, i18n.language)}
                styles={{ content: { fontSize: 36, fontWeight: 600, color: card.code === 'high_skilled_share' ? RED : undefined } }}
              />
              <Change card={card} />
              {exact[card.code] !== undefined ? (
                <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                  {t('dashboard.exactPeople', { value: exact[card.code]?.toLocaleString() })}
                </Typography.Text>
              ) : null}
              {target ? (
                <div style={{ marginTop: 8 }}>
                  <Flex justify="space-between" style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">
                      <AimOutlined /> {t('dashboard.target', { year: target.year, value: target.value, unit: unitOf(card, i18n.language) })}
                      {target.isUncertain ? t('dashboard.targetUncertain') : ''}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {gap !== null && gap > 0
                        ? t('dashboard.targetGap', { gap: `${gap}${unitOf(card, i18n.language)}` })
                        : t('dashboard.targetReached')}
                    </Typography.Text>
                  </Flex>
                  <Tooltip title={target.source}>
                    <Progress percent={progress ?? 0} showInfo={false} strokeColor={RED} size="small" />
                  </Tooltip>
                </div>
              ) : null}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** The reform's own figures: policies, the network, the four kinds of carriers. */
function CountCards({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const get = (code: string) => d.cards.find((c) => c.code === code);
  const issued = get('policies_issued');
  const codes = [
    'policies_in_force',
    'leading_group_units',
    'liaison_units',
    'training_bases',
    'master_studios',
    'worker_training_bases',
    'innovation_studios',
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {codes.map((code) => {
        const card = get(code);
        if (!card) return null;
        // Policies and the leading group are the province's: below it they are mostly none, and say nothing.
        const provinceOnly = ['policies_in_force', 'leading_group_units', 'liaison_units'].includes(code);
        if (provinceOnly && d.org.kind !== 'province' && !card.value && !card.lastYear) return null;
        const name = i18n.language.startsWith('en') ? card.nameEn : card.nameZh;
        return (
          <Col key={code} flex={code === 'policies_in_force' ? '2 1 220px' : '1 1 140px'}>
            <Card role="group" aria-label={name} styles={{ body: { padding: '12px 16px' } }} style={{ height: '100%' }}>
              <Statistic
                title={<span title={name}>{name}</span>}
                value={fmt(card.value, 0)}
                suffix={unitOf(card, i18n.language)}
                styles={{ content: { fontSize: 24 } }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {code === 'policies_in_force' && issued ? (
                  t('dashboard.ofWhichThisYear', { count: issued.value ?? 0 })
                ) : (
                  <Change card={card} />
                )}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

function TrendChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.trend.map((p) => p.label) },
      yAxis: [
        {
          type: 'value',
          name: t('dashboard.chart.highSkilled'),
          axisLabel: { formatter: (v: number) => (v >= 10_000 ? `${v / 10_000}万` : String(v)) },
        },
        { type: 'value', name: '%', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 2)), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('dashboard.chart.highSkilled'),
          type: 'bar',
          data: d.trend.map((p) => p.highSkilled),
          itemStyle: { color: BLUE },
          barMaxWidth: 36,
        },
        {
          name: t('dashboard.chart.share'),
          type: 'line',
          yAxisIndex: 1,
          data: d.trend.map((p) => p.share),
          itemStyle: { color: RED },
          // Only the latest point is labelled; the others show on hover.
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number; dataIndex: number }) => (p.dataIndex === d.trend.length - 1 ? `${p.value}%` : ''),
            color: RED,
            fontWeight: 'bold',
          },
        },
      ],
    }),
    [d, t],
  );
  return <Chart option={option} height={300} label={t('dashboard.sections.trend')} />;
}

function IndustryChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{d}%' },
          data: d.industries.map((r) => ({
            name: t(`dashboard.industries.${r.category}`),
            value: r.highSkilled,
            itemStyle: { color: INDUSTRY_COLORS[r.category] },
          })),
        },
      ],
    }),
    [d, t],
  );
  return <Chart option={option} height={300} label={t('dashboard.sections.industries')} />;
}

function ChildrenChart({ d, onDrill }: { d: Dashboard; onDrill: (orgId: string) => void }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () =>
      [...d.children]
        .filter((c) => c.skilled > 0)
        .sort((a, b) => a.highSkilled - b.highSkilled)
        .slice(-20),
    [d],
  );
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 120, right: 56, top: 32, bottom: 20 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => (v >= 10_000 ? `${v / 10_000}万` : String(v)) } },
      yAxis: { type: 'category', data: rows.map((r) => r.org.name), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        {
          // Stacked with the high-skilled: the whole bar is the skilled workers.
          name: t('dashboard.chart.otherSkilled'),
          type: 'bar',
          data: rows.map((r) => r.skilled - r.highSkilled),
          stack: 'n',
          itemStyle: { color: '#c9d6ea' },
        },
        {
          name: t('dashboard.chart.highSkilled'),
          type: 'bar',
          data: rows.map((r) => r.highSkilled),
          stack: 'n',
          itemStyle: { color: BLUE },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex]?.share ?? '—'}%`,
            color: '#333',
          },
        },
      ],
    }),
    [rows, t],
  );
  return (
    <Chart
      option={option}
      height={Math.max(240, rows.length * 26 + 60)}
      label={t('dashboard.sections.children')}
      onClick={(item) => {
        const row = rows[item.dataIndex];
        if (row?.canDrill) onDrill(row.org.id);
      }}
    />
  );
}

/** Without an uploaded base map: the 17 prefectures as tiles, shaded by high-skilled share. */
function TileGrid({ d, onDrill }: { d: Dashboard; onDrill: (orgId: string) => void }) {
  const { t } = useTranslation();
  const byCode = new Map(d.children.map((c) => [c.org.code, c]));
  const shares = d.children.map((c) => c.share ?? 0).filter((s) => s > 0);
  const min = Math.min(...shares);
  const max = Math.max(...shares);
  const shade = (s: number | null) => {
    if (s === null) return '#f0f0f0';
    const k = max > min ? (s - min) / (max - min) : 0.5;
    return `rgba(196, 29, 29, ${0.15 + 0.75 * k})`;
  };
  return (
    <>
      <nav
        aria-label={t('dashboard.sections.map')}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gridAutoRows: 64, gap: 6 }}
      >
        {TILES.map(([code, row, col]) => {
          const c = byCode.get(code);
          if (!c) return null;
          const dark = (c.share ?? 0) > (min + max) / 2;
          return (
            <button
              type="button"
              key={code}
              aria-label={c.org.name}
              onClick={() => onDrill(c.org.id)}
              style={{
                gridRow: row + 1,
                gridColumn: col + 1,
                background: shade(c.share),
                color: dark ? '#fff' : '#222',
                border: 'none',
                borderRadius: 6,
                cursor: 'pointer',
                padding: 4,
                lineHeight: 1.3,
              }}
            >
              <div style={{ fontWeight: 600, fontSize: 13 }}>{c.org.name.replace('土家族苗族自治州', '州')}</div>
              <div style={{ fontSize: 12 }}>{c.share === null ? '—' : `${c.share}%`}</div>
            </button>
          );
        })}
      </nav>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('dashboard.tileHint')}
      </Typography.Paragraph>
    </>
  );
}

function GeoMap({ d, onDrill }: { d: Dashboard; onDrill: (orgId: string) => void }) {
  const { t } = useTranslation();
  const map = useDashboardMap(d.org.id, true);
  const option = useMemo(() => {
    if (!map.data?.map) return undefined;
    const name = `changai-${d.org.id}`;
    registerGeoJson(name, map.data.map.geojson);
    const byCode = new Map(d.children.map((c) => [c.org.code, c]));
    const data = map.data.map.featureCodes.map((code) => ({
      name: byCode.get(code)?.org.name ?? code,
      value: byCode.get(code)?.share ?? null,
      code,
    }));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) => `${p.name}：${Number.isFinite(p.value) ? `${p.value}%` : '—'}`,
      },
      visualMap: { left: 0, bottom: 0, calculable: false, inRange: { color: ['#fde3e3', RED] }, text: ['%', ''] },
      series: [{ type: 'map', map: name, nameProperty: 'name', data, roam: false, label: { show: true, fontSize: 10 } }],
    };
  }, [map.data, d]);
  if (!option) return <Skeleton active />;
  return (
    <Chart
      option={option}
      height={360}
      label={t('dashboard.sections.map')}
      onClick={(item) => {
        const code = (item.data as { code?: string } | undefined)?.code;
        const child = d.children.find((c) => c.org.code === code);
        if (child) onDrill(child.org.id);
      }}
    />
  );
}

/**
 * 数据看板: the state of the reform for an org subtree in ten seconds — the headline figures against
 * last year and the target, the trend, where the high-skilled workers are, and drill-down by clicking.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const asOf = params.get('asOf') ?? undefined;
  const query = useMemo(() => ({ orgId, asOf }), [orgId, asOf]);
  const dashboard = useDashboard(query);
  const canManage = useCan('indicators:manage');
  const d = dashboard.data;
  const drill = (id: string) =>
    setParams((p) => {
      p.set('orgId', id);
      return p;
    });
  const isProvinceView = d ? d.children.filter((c) => c.org.kind === 'prefecture').length >= 10 : false;
  const time = (date: Date) => dayjs(date).format('YYYY-MM-DD HH:mm:ss');
  const bulletinQuery = new URLSearchParams({ ...(orgId ? { orgId } : {}), ...(d ? { asOf: d.asOf } : {}) }).toString();
  const childUnitsAreDivisions = d?.children.some((c) => ['prefecture', 'county'].includes(c.org.kind));

  return (
    <>
      <PageHeader
        title={d ? `${d.org.name} · ${t('dashboard.title')}` : t('dashboard.title')}
        extra={
          <>
            <DatePicker
              aria-label={t('dashboard.asOf')}
              allowClear
              value={asOf ? dayjs(asOf) : null}
              placeholder={d?.asOf}
              disabledDate={(day) => day.isAfter(dayjs())}
              onChange={(day) =>
                setParams((p) => {
                  if (day) p.set('asOf', day.format('YYYY-MM-DD'));
                  else p.delete('asOf');
                  return p;
                })
              }
            />
            <Link to={`/dashboard/bulletin?${bulletinQuery}`}>
              <Button type="primary" icon={<FileTextOutlined />}>
                {t('dashboard.bulletin')}
              </Button>
            </Link>
            {canManage ? (
              <Link to="/dashboard/indicators">
                <Button icon={<AimOutlined />}>{t('dashboard.indicators')}</Button>
              </Link>
            ) : null}
          </>
        }
      >
        {d ? (
          <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
            <Breadcrumb
              items={d.trail.map((o, i) => ({
                key: o.id,
                title:
                  i === d.trail.length - 1 ? (
                    o.name
                  ) : (
                    <a
                      href={`?orgId=${o.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        drill(o.id);
                      }}
                    >
                      {o.name}
                    </a>
                  ),
              }))}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ClockCircleOutlined /> {t('dashboard.asOf')} {d.asOf} · <Tag color="green">{t('dashboard.live')}</Tag>
              {t('dashboard.computedAt', { time: time(d.computedAt) })}
              {d.dataChangedAt ? ` · ${t('dashboard.dataChangedAt', { time: time(d.dataChangedAt) })}` : ''}
            </Typography.Text>
          </Flex>
        ) : null}
      </PageHeader>
      {dashboard.error ? <Alert type="error" showIcon title={dashboard.error.message} style={{ marginBottom: 16 }} /> : null}
      {!d ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <HeadlineCards d={d} />
          <CountCards d={d} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={14}>
              <Card title={t('dashboard.sections.trend')} size="small">
                <TrendChart d={d} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('dashboard.sections.industries')} size="small">
                <IndustryChart d={d} />
              </Card>
            </Col>
          </Row>
          {d.children.length ? (
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              {isProvinceView ? (
                <Col xs={24} xl={10}>
                  <Card
                    title={t('dashboard.sections.map')}
                    size="small"
                    extra={<Typography.Text type="secondary">{t('dashboard.chart.clickToDrill')}</Typography.Text>}
                  >
                    {d.hasMap ? <GeoMap d={d} onDrill={drill} /> : <TileGrid d={d} onDrill={drill} />}
                  </Card>
                </Col>
              ) : null}
              <Col xs={24} xl={isProvinceView ? 14 : 24}>
                <Card
                  title={childUnitsAreDivisions ? t('dashboard.sections.children') : t('dashboard.sections.childrenUnits')}
                  size="small"
                  extra={<Typography.Text type="secondary">{t('dashboard.chart.clickToDrill')}</Typography.Text>}
                >
                  <ChildrenChart d={d} onDrill={drill} />
                </Card>
              </Col>
            </Row>
          ) : null}
          {d.children.length ? (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey={(r) => r.org.id}
                pagination={false}
                dataSource={d.children}
                columns={[
                  {
                    title: t('dashboard.table.name'),
                    key: 'name',
                    render: (_, r) =>
                      r.canDrill ? (
                        <a
                          href={`?orgId=${r.org.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            drill(r.org.id);
                          }}
                        >
                          {r.org.name}
                        </a>
                      ) : (
                        r.org.name
                      ),
                  },
                  {
                    title: t('dashboard.table.skilled'),
                    dataIndex: 'skilled',
                    align: 'right',
                    render: (v: number) => v.toLocaleString(i18n.language),
                  },
                  {
                    title: t('dashboard.table.highSkilled'),
                    dataIndex: 'highSkilled',
                    align: 'right',
                    render: (v: number) => v.toLocaleString(i18n.language),
                  },
                  {
                    title: t('dashboard.table.share'),
                    dataIndex: 'share',
                    align: 'right',
                    render: (v: number | null) => (v === null ? '—' : `${v}%`),
                  },
                ]}
              />
            </Card>
          ) : null}
          <ReportingCompleteness orgId={d.org.id} period={lastEndedQuarter(d.asOf)} />
        </>
      )}
    </>
  );
}
