import { UploadOutlined } from '@ant-design/icons';
import type { Indicator, SaveMap } from '@changai/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { PageHeader } from '../../components/PageHeader';
import { useDashboardMap, useIndicators, useNewVersion, useSaveMap, useSaveTarget } from './use-dashboard';

type VersionForm = { effectiveFrom: Dayjs; numeratorCode: string; denominatorCode?: string; factor: number; note?: string };
type TargetForm = { year: number; value: number; isUncertain: boolean; source?: string };

function VersionModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VersionForm>();
  const indicators = useIndicators();
  const save = useNewVersion();
  const onError = useApiErrorHandler(form);
  const current = indicator.versions[0];
  const elements = (indicators.data?.elements ?? []).map((e) => ({ value: e.code, label: `${e.nameZh}（${e.code}）` }));
  return (
    <Modal
      open
      title={`${t('dashboard.admin.newVersion')} · ${indicator.nameZh}`}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() =>
        form.validateFields().then((v) =>
          save.mutate(
            {
              code: indicator.code,
              input: {
                effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
                numeratorCode: v.numeratorCode,
                denominatorCode: v.denominatorCode ?? null,
                factor: v.factor,
                note: v.note ?? null,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('dashboard.admin.saved'));
                onClose();
              },
              onError,
            },
          ),
        )
      }
    >
      <Alert type="info" showIcon title={t('dashboard.admin.newVersionHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          numeratorCode: current?.numeratorCode,
          denominatorCode: current?.denominatorCode ?? undefined,
          factor: current?.factor ?? 1,
        }}
      >
        <Form.Item
          name="effectiveFrom"
          label={t('dashboard.admin.effectiveFrom')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="numeratorCode"
          label={t('dashboard.admin.numerator')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={elements} showSearch />
        </Form.Item>
        <Form.Item name="denominatorCode" label={t('dashboard.admin.denominator')}>
          <Select options={elements} allowClear showSearch />
        </Form.Item>
        <Form.Item name="factor" label={t('dashboard.admin.factor')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber />
        </Form.Item>
        <Form.Item name="note" label={t('dashboard.admin.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TargetModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetForm>();
  const save = useSaveTarget();
  const onError = useApiErrorHandler(form);
  const last = indicator.targets.at(-1);
  return (
    <Modal
      open
      title={`${t('dashboard.admin.setTarget')} · ${indicator.nameZh}`}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() =>
        form.validateFields().then((v) =>
          save.mutate(
            { code: indicator.code, year: v.year, input: { value: v.value, isUncertain: v.isUncertain, source: v.source ?? null } },
            {
              onSuccess: () => {
                void message.success(t('dashboard.admin.saved'));
                onClose();
              },
              onError,
            },
          ),
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year: last?.year ?? new Date().getFullYear(),
          value: last?.value,
          isUncertain: last?.isUncertain ?? false,
          source: last?.source ?? undefined,
        }}
      >
        <Form.Item name="year" label={t('dashboard.admin.year')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="value"
          label={`${t('dashboard.admin.value')}（${indicator.unitZh}）`}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber step={0.1} />
        </Form.Item>
        <Form.Item name="isUncertain" valuePropName="checked">
          <Checkbox>{t('dashboard.admin.isUncertain')}</Checkbox>
        </Form.Item>
        <Form.Item name="source" label={t('dashboard.admin.source')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MapCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const map = useDashboardMap(undefined, true);
  const save = useSaveMap();
  const onError = useApiErrorHandler();
  const current = map.data?.map;
  return (
    <Card title={t('dashboard.admin.map')} size="small">
      <Typography.Paragraph type="secondary">{t('dashboard.admin.mapHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {current
          ? t('dashboard.admin.mapLoaded', { name: current.name, count: current.featureCodes.length })
          : t('dashboard.admin.mapNone')}
      </Typography.Paragraph>
      <Upload
        accept=".json,.geojson,application/geo+json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void file.text().then((text) => {
            let geojson: SaveMap['geojson'];
            try {
              geojson = JSON.parse(text) as SaveMap['geojson'];
            } catch {
              void message.error(t('dashboard.admin.badFile'));
              return;
            }
            save.mutate(
              { name: file.name.replace(/\.(geo)?json$/i, ''), geojson },
              { onSuccess: () => void message.success(t('dashboard.admin.saved')), onError },
            );
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={save.isPending}>
          {t('dashboard.admin.uploadMap')}
        </Button>
      </Upload>
    </Card>
  );
}

/** 指标与目标: formulas with their versions (a change never rewrites history), yearly targets, the base map. */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const indicators = useIndicators();
  const [editing, setEditing] = useState<{ kind: 'version' | 'target'; indicator: Indicator }>();
  const elementName = (code: string | null) => {
    if (!code) return '';
    const e = indicators.data?.elements.find((x) => x.code === code);
    return e ? (i18n.language.startsWith('en') ? e.nameEn : e.nameZh) : code;
  };
  return (
    <>
      <PageHeader title={t('dashboard.admin.title')} />
      {indicators.error ? <Alert type="error" showIcon title={indicators.error.message} /> : null}
      {!indicators.data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Table
            rowKey="code"
            pagination={false}
            dataSource={indicators.data.items}
            columns={[
              {
                title: t('dashboard.admin.name'),
                key: 'name',
                render: (_, i) => <Typography.Text strong>{i18n.language.startsWith('en') ? i.nameEn : i.nameZh}</Typography.Text>,
              },
              {
                title: t('dashboard.admin.versions'),
                key: 'versions',
                render: (_, i) => (
                  <Space orientation="vertical" size={2}>
                    {i.versions.map((v) => (
                      <span key={v.version}>
                        <Tag>v{v.version}</Tag>
                        {v.effectiveFrom} 起：{elementName(v.numeratorCode)}
                        {v.denominatorCode ? ` ÷ ${elementName(v.denominatorCode)}` : ''}
                        {v.factor !== 1 ? ` × ${v.factor}` : ''}
                        {v.note ? <Typography.Text type="secondary">（{v.note}）</Typography.Text> : null}
                      </span>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('dashboard.admin.targets'),
                key: 'targets',
                render: (_, i) =>
                  i.targets.map((x) => (
                    <div key={x.year} title={x.source ?? undefined}>
                      {x.year}：{x.value}
                      {i.unitZh}
                      {x.isUncertain ? (
                        <Tag color="orange" style={{ marginLeft: 4 }}>
                          {t('dashboard.admin.isUncertain')}
                        </Tag>
                      ) : null}
                    </div>
                  )),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, i) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing({ kind: 'version', indicator: i })}>
                      {t('dashboard.admin.newVersion')}
                    </Button>
                    <Button size="small" onClick={() => setEditing({ kind: 'target', indicator: i })}>
                      {t('dashboard.admin.setTarget')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          <MapCard />
        </Space>
      )}
      {editing?.kind === 'version' ? <VersionModal indicator={editing.indicator} onClose={() => setEditing(undefined)} /> : null}
      {editing?.kind === 'target' ? <TargetModal indicator={editing.indicator} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
