import { PlusOutlined } from '@ant-design/icons';
import { ProgramListQuerySchema, type ProgramSummary, TRAINING_MODES } from '@changai/contracts';
import { Alert, Button, Card, Checkbox, Col, Flex, Input, Row, Select, Statistic, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProgramFilters } from '../../api/skills.api';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { labelOf } from '../workers/credential-labels';
import { Chart } from './Chart';
import { ProgramFormModal } from './ProgramFormModal';
import { PAGE_SIZE, useCarrier, usePrograms } from './use-skills';

const shape = ProgramListQuerySchema.shape;

function programFilters(params: URLSearchParams): { filters: ProgramFilters; page: number } {
  const filters: ProgramFilters = {};
  for (const key of ['q', 'mode', 'isFree', 'carrierId'] as const) {
    const parsed = shape[key].safeParse(params.get(key) ?? undefined);
    if (parsed.success && parsed.data !== undefined) Object.assign(filters, { [key]: parsed.data });
  }
  const page = Number(params.get('page'));
  return { filters, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** 培训项目: programs in scope with places, enrollments and passes; free online ones marked. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { filters, page } = useMemo(() => programFilters(params), [params]);
  const list = usePrograms(filters, page);
  const canManage = useCan('training:manage');
  const [isCreating, setCreating] = useState(false);
  const carrier = useCarrier(filters.carrierId);
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const setFilter = (changes: ProgramFilters & { page?: number }) =>
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
  const d = list.data;

  return (
    <>
      <PageHeader
        title={t('skills.programs.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('skills.programForm.open')}
            </Button>
          ) : null
        }
      />
      {d ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={10}>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['places', d.totals.places],
                  ['enrolled', d.totals.enrolled],
                  ['passed', d.totals.passed],
                  ['freeOnline', d.totals.freeOnline],
                ] as const
              ).map(([key, value]) => (
                <Col span={12} key={key}>
                  <Card role="group" aria-label={t(`skills.programs.${key}`)} styles={{ body: { padding: '14px 18px' } }}>
                    <Statistic title={t(`skills.programs.${key}`)} value={value} />
                  </Card>
                </Col>
              ))}
            </Row>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t('skills.programs.byMonth')} styles={{ body: { padding: 8 } }}>
              <Chart
                label={t('skills.programs.byMonth')}
                height={150}
                option={{
                  animation: false,
                  tooltip: { trigger: 'axis' },
                  grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
                  xAxis: { type: 'category', data: d.byMonth.map((m) => m.month) },
                  yAxis: [{ type: 'value' }, { type: 'value' }],
                  series: [
                    { type: 'bar', name: t('skills.programs.programsCount'), data: d.byMonth.map((m) => m.programs) },
                    { type: 'line', yAxisIndex: 1, name: t('skills.programs.places'), data: d.byMonth.map((m) => m.places) },
                  ],
                }}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            enterButton
            placeholder={t('skills.programs.search')}
            aria-label={t('skills.programs.search')}
            style={{ width: 300 }}
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setFilter({ q: value.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t('skills.programs.mode')}
            aria-label={t('skills.programs.mode')}
            style={{ width: 110 }}
            value={filters.mode}
            onChange={(mode) => setFilter({ mode })}
            options={TRAINING_MODES.map((m) => ({ value: m, label: t(`skills.modes.${m}`) }))}
          />
          <Checkbox checked={filters.isFree === 'true'} onChange={(e) => setFilter({ isFree: e.target.checked ? 'true' : undefined })}>
            {t('skills.programs.freeOnly')}
          </Checkbox>
          {filters.carrierId ? (
            <Tag closable onClose={() => setFilter({ carrierId: undefined })}>
              {t('skills.programs.carrier')}：{carrier.data?.name ?? '…'}
            </Tag>
          ) : null}
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<ProgramSummary>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={d?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: d?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('skills.programs.total', { count: total }),
            onChange: (next) => setFilter({ page: next }),
          }}
          columns={[
            {
              key: 'title',
              title: t('skills.programs.programTitle'),
              minWidth: 220,
              render: (_, p) => (
                <Flex gap={4} wrap>
                  <Link to={`/skills/programs/${p.id}`}>{p.title}</Link>
                  {p.isFree ? <Tag color="green">{t('skills.programs.free')}</Tag> : null}
                </Flex>
              ),
            },
            { key: 'occupation', title: t('skills.programs.occupation'), width: 110, dataIndex: 'occupationCode' },
            {
              key: 'level',
              title: t('skills.programs.targetLevel'),
              width: 130,
              render: (_, p) => labelOf(t, 'skillLevels', p.targetLevel),
            },
            {
              key: 'provider',
              title: t('skills.programs.provider'),
              minWidth: 150,
              ellipsis: true,
              render: (_, p) => p.carrier?.name ?? p.provider.name,
            },
            { key: 'mode', title: t('skills.programs.mode'), width: 64, render: (_, p) => t(`skills.modes.${p.mode}`) },
            { key: 'dates', title: t('skills.programs.dates'), width: 190, render: (_, p) => `${p.startsOn} ~ ${p.endsOn}` },
            { key: 'capacity', title: t('skills.programs.capacity'), width: 80, align: 'right', dataIndex: 'capacity' },
            { key: 'enrolled', title: t('skills.programs.enrolled'), width: 64, align: 'right', dataIndex: 'enrolled' },
            { key: 'passed', title: t('skills.programs.passed'), width: 80, align: 'right', dataIndex: 'passed' },
            { key: 'status', title: t('common.status'), width: 80, render: (_, p) => t(`skills.programStatuses.${p.status}`) },
          ]}
        />
      </Card>
      {isCreating ? <ProgramFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
