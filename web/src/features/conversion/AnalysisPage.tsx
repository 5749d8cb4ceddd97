import type { EligibilityTable } from '@changai/contracts';
import { Alert, Button, Card, Col, Flex, InputNumber, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useEligibility, usePick, useRuleSet, useWhatIf } from './use-conversion';

type RegionRow = {
  regionCode: string;
  regionName: string | null;
  eligibleNow: number;
  eligibleSoon: number;
  diffNow?: number;
  diffSoon?: number;
};

function regionRows(table: EligibilityTable, pathwayId: string, base?: EligibilityTable): RegionRow[] {
  return table.byRegion
    .filter((r) => r.pathwayId === pathwayId)
    .map((r) => {
      const before = base?.byRegion.find((b) => b.pathwayId === pathwayId && b.regionCode === r.regionCode);
      return { ...r, ...(before ? { diffNow: r.eligibleNow - before.eligibleNow, diffSoon: r.eligibleSoon - before.eligibleSoon } : {}) };
    });
}

const signed = (n: number | undefined) => (n === undefined ? '' : n > 0 ? `+${n}` : n === 0 ? '0' : String(n));

function RegionTable({ table, pathwayId, base }: { table: EligibilityTable; pathwayId: string; base?: EligibilityTable }) {
  const { t } = useTranslation();
  const rows = regionRows(table, pathwayId, base);
  const total = table.totals.find((x) => x.pathwayId === pathwayId);
  const baseTotal = base?.totals.find((x) => x.pathwayId === pathwayId);
  return (
    <>
      <Table<RegionRow>
        size="small"
        rowKey="regionCode"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'region', title: t('conversion.region'), render: (_, r) => r.regionName ?? r.regionCode },
          { key: 'now', title: t('conversion.eligibleNow'), align: 'right', render: (_, r) => r.eligibleNow.toLocaleString() },
          { key: 'soon', title: t('conversion.eligibleSoon'), align: 'right', render: (_, r) => r.eligibleSoon.toLocaleString() },
          ...(base
            ? [
                {
                  key: 'diff',
                  title: t('conversion.difference'),
                  align: 'right' as const,
                  render: (_: unknown, r: RegionRow) => (
                    <Typography.Text type={r.diffNow ? 'success' : 'secondary'}>
                      {signed(r.diffNow)} / {signed(r.diffSoon)}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('conversion.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{total?.eligibleNow.toLocaleString()}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>{total?.eligibleSoon.toLocaleString()}</Typography.Text>
            </Table.Summary.Cell>
            {base ? (
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong>
                  {signed((total?.eligibleNow ?? 0) - (baseTotal?.eligibleNow ?? 0))} /{' '}
                  {signed((total?.eligibleSoon ?? 0) - (baseTotal?.eligibleSoon ?? 0))}
                </Typography.Text>
              </Table.Summary.Cell>
            ) : null}
          </Table.Summary.Row>
        )}
      />
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        {table.byCategory
          .filter((c) => c.pathwayId === pathwayId)
          .map((c) => (
            <Typography.Text key={c.category} type="secondary">
              {t(`conversion.categories.${c.category}`)}：{c.eligibleNow.toLocaleString()} / {c.eligibleSoon.toLocaleString()}
            </Typography.Text>
          ))}
      </Flex>
    </>
  );
}

/** The eligibility table for the actor's scope, and a what-if beside it. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const current = useEligibility();
  const ruleSet = useRuleSet(current.data?.ruleSet.id);
  const whatIf = useWhatIf();
  const [pathwayId, setPathwayId] = useState('skill-to-title-intermediate');
  const [draft, setDraft] = useState<Record<string, number>>({});
  if (current.isError) return <Alert type="error" showIcon title={current.error.message} />;
  const table = current.data;
  const parameters = ruleSet.data?.definition.parameters ?? [];
  return (
    <>
      <PageHeader title={t('conversion.analysis')}>
        {table ? (
          <Typography.Text type="secondary">
            {t('conversion.workersCounted', { count: table.workers.toLocaleString() as never, date: table.asOf, ms: table.elapsedMs })}
          </Typography.Text>
        ) : null}
      </PageHeader>
      <Card size="small" loading={current.isPending} style={{ marginBottom: 16 }}>
        {table ? (
          <Table
            size="small"
            rowKey="pathwayId"
            pagination={false}
            dataSource={table.totals}
            onRow={(r) => ({
              onClick: () => setPathwayId(r.pathwayId),
              style: { cursor: 'pointer', background: r.pathwayId === pathwayId ? '#e6f4ff' : undefined },
            })}
            columns={[
              { key: 'p', title: t('conversion.pathway'), render: (_, r) => pick(table.pathways.find((p) => p.id === r.pathwayId)?.name) },
              {
                key: 'c',
                title: '',
                render: (_, r) => t(`conversion.channels.${table.pathways.find((p) => p.id === r.pathwayId)?.channel ?? 'skill_ladder'}`),
              },
              { key: 'n', title: t('conversion.eligibleNow'), align: 'right', render: (_, r) => r.eligibleNow.toLocaleString() },
              { key: 's', title: t('conversion.eligibleSoon'), align: 'right', render: (_, r) => r.eligibleSoon.toLocaleString() },
            ]}
          />
        ) : null}
      </Card>
      {table ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={
                <Flex gap={8} align="center">
                  {t('conversion.currentRules')}
                  <Select
                    aria-label={t('conversion.choosePathway')}
                    value={pathwayId}
                    onChange={setPathwayId}
                    style={{ minWidth: 320 }}
                    options={table.pathways.map((p) => ({ value: p.id, label: pick(p.name) }))}
                  />
                </Flex>
              }
            >
              <RegionTable table={table} pathwayId={pathwayId} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('conversion.whatIf')}>
              <Typography.Paragraph type="secondary">{t('conversion.whatIfHint')}</Typography.Paragraph>
              <Flex gap={12} wrap style={{ marginBottom: 12 }}>
                {parameters.map((p) => (
                  <Flex key={p.key} vertical style={{ width: 200 }}>
                    <Typography.Text style={{ fontSize: 12 }}>{pick(p.description)}</Typography.Text>
                    <InputNumber
                      aria-label={p.key}
                      min={0}
                      max={60}
                      value={draft[p.key] ?? p.value}
                      onChange={(v) => setDraft((d) => ({ ...d, [p.key]: Number(v ?? p.value) }))}
                    />
                  </Flex>
                ))}
              </Flex>
              <Button type="primary" loading={whatIf.isPending} onClick={() => whatIf.mutate({ parameters: draft })}>
                {t('conversion.run')}
              </Button>
              {whatIf.isError ? <Alert type="error" showIcon title={whatIf.error.message} style={{ marginTop: 12 }} /> : null}
              {whatIf.data ? (
                <div style={{ marginTop: 12 }}>
                  <Typography.Text strong>{t('conversion.draftRules')}</Typography.Text>
                  <RegionTable table={whatIf.data.draft} pathwayId={pathwayId} base={whatIf.data.current} />
                </div>
              ) : null}
            </Card>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
