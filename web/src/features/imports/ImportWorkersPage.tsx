import {
  ArrowLeftOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
  ReloadOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ImportPreview } from '@changai/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Result,
  Row,
  Select,
  Spin,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { uploadContentUrl, workersTemplateUrl } from '../../api/imports.api';
import { FullPageSpinner } from '../../app/guards';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes, type ImportCounts, type ImportJobView, importJobView, mappingProblems, mappingToSend } from './import-job';
import { useImportJob, useImportPreview, useStartImport, useUploadWorkersFile } from './use-imports';

/** Server error text plus any per-field reasons it carries (an empty file, an .xls, …), without repeats. */
function errorLines(error: unknown): string[] {
  if (!isApiError(error)) return [error instanceof Error ? error.message : String(error)];
  return [...new Set([error.message, ...error.fields.map((f) => f.message)])];
}

function UploadStep({ onUploaded }: { onUploaded: (preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const upload = useUploadWorkersFile();
  const [file, setFile] = useState<File | null>(null);
  const lines = upload.error ? errorLines(upload.error) : [];
  return (
    <Flex vertical gap={16}>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file: picked }) => {
          const chosen = picked as File;
          setFile(chosen);
          upload.mutate(chosen, { onSuccess: onUploaded });
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.dragText')}</p>
        <p className="ant-upload-hint">{t('imports.dragHint')}</p>
      </Upload.Dragger>
      {file ? (
        <Flex align="center" gap={8}>
          <FileExcelOutlined style={{ color: '#237804' }} />
          <Typography.Text>{file.name}</Typography.Text>
          <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
          {upload.isPending ? (
            <>
              <Spin size="small" />
              <Typography.Text type="secondary">{t('imports.uploading')}</Typography.Text>
            </>
          ) : null}
        </Flex>
      ) : null}
      {lines.length ? (
        <Alert
          type="error"
          showIcon
          title={t('imports.uploadFailed')}
          description={
            <Flex vertical>
              {lines.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </Flex>
          }
        />
      ) : null}
      <Flex align="center" gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={workersTemplateUrl} download>
          {t('imports.template')}
        </Button>
        <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

type MappingRow = ImportPreview['fields'][number];

function MappingStep({
  preview,
  onStarted,
  onRestart,
}: {
  preview: ImportPreview;
  onStarted: (jobId: string) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartImport();
  const [mapping, setMapping] = useState<Record<string, number | undefined>>(() => ({ ...preview.mapping }));
  const [isChecked, setChecked] = useState(false);
  const problems = mappingProblems(preview.fields, mapping);
  const fieldLabel = (field: string, fallback: string) => {
    const labels = t('imports.fields', { returnObjects: true }) as unknown as Record<string, string>;
    return labels[field] ?? fallback;
  };
  const columnOptions = preview.headers.map((header, index) => ({
    value: index,
    label: header.trim() || t('imports.columnN', { n: index + 1 }),
  }));
  const startLines = start.error ? errorLines(start.error) : [];

  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'file', label: t('imports.fileName'), children: preview.fileName },
          { key: 'size', label: t('imports.size'), children: formatBytes(preview.sizeBytes) },
          { key: 'format', label: t('imports.format'), children: preview.format.toUpperCase() },
          { key: 'headerRow', label: t('imports.headerRow'), children: t('imports.headerRowValue', { row: preview.headerRow }) },
        ]}
      />
      {preview.isRemembered ? (
        <Alert
          type="success"
          showIcon
          title={
            <Flex gap={8} align="center" wrap>
              <Tag color="success" style={{ marginInlineEnd: 0 }}>
                {t('imports.remembered')}
              </Tag>
              <span>{t('imports.rememberedHint')}</span>
            </Flex>
          }
        />
      ) : null}
      <Typography.Text type="secondary">{t('imports.mappingHint')}</Typography.Text>
      <Table<MappingRow>
        size="small"
        bordered
        rowKey="field"
        pagination={false}
        dataSource={preview.fields}
        style={{ maxWidth: 760 }}
        columns={[
          {
            key: 'field',
            title: t('imports.field'),
            width: 240,
            render: (_, f) => (
              <Flex gap={6} align="center">
                <span>{fieldLabel(f.field, f.label)}</span>
                {f.required ? (
                  <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {t('imports.required')}
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'column',
            title: t('imports.column'),
            render: (_, f) => {
              const isMissing = isChecked && f.required && mapping[f.field] === undefined;
              return (
                <Select<number>
                  aria-label={fieldLabel(f.field, f.label)}
                  allowClear={!f.required}
                  showSearch={{ optionFilterProp: 'label' }}
                  status={isMissing ? 'error' : undefined}
                  placeholder={t('imports.unmapped')}
                  style={{ width: '100%' }}
                  value={mapping[f.field]}
                  onChange={(value) => setMapping((prev) => ({ ...prev, [f.field]: value ?? undefined }))}
                  options={columnOptions}
                />
              );
            },
          },
        ]}
      />
      {isChecked && problems.length ? (
        <Alert
          type="error"
          showIcon
          title={
            <Flex vertical>
              {problems.map((p) =>
                p.kind === 'required' ? (
                  <span key={p.field}>{t('imports.requiredMissing', { field: fieldLabel(p.field, p.label) })}</span>
                ) : (
                  <span key="employer">{t('imports.employerMissing')}</span>
                ),
              )}
            </Flex>
          }
        />
      ) : null}
      {startLines.length ? <Alert type="error" showIcon title={startLines.join(' ')} /> : null}
      <Flex gap={8}>
        <Button
          type="primary"
          loading={start.isPending}
          onClick={() => {
            setChecked(true);
            if (problems.length) return;
            start.mutate({ uploadId: preview.uploadId, mapping: mappingToSend(mapping) }, { onSuccess: (job) => onStarted(job.id) });
          }}
        >
          {t('imports.start')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={onRestart}>
          {t('imports.chooseAnother')}
        </Button>
      </Flex>
    </Flex>
  );
}

export function Counts({ counts, showProcessed }: { counts: ImportCounts; showProcessed: boolean }) {
  const { t } = useTranslation();
  const items = [
    ...(showProcessed ? [{ key: 'processed', title: t('imports.processed'), value: counts.processed }] : []),
    { key: 'imported', title: t('imports.imported'), value: counts.imported, color: '#237804' },
    { key: 'updated', title: t('imports.updated'), value: counts.updated, color: '#1d4f91' },
    { key: 'unchanged', title: t('imports.unchanged'), value: counts.unchanged },
    { key: 'rejected', title: t('imports.rejected'), value: counts.rejected, color: counts.rejected ? '#cf1322' : undefined },
  ];
  return (
    <Row gutter={[24, 16]} style={{ maxWidth: 760, width: '100%' }}>
      {items.map((item) => (
        <Col key={item.key} flex="1 1 120px">
          <section aria-label={item.title}>
            <Statistic
              title={item.title}
              value={item.value}
              suffix={<span style={{ fontSize: 14 }}>{t('imports.rows')}</span>}
              styles={{ content: { color: item.color, fontVariantNumeric: 'tabular-nums' } }}
            />
          </section>
        </Col>
      ))}
    </Row>
  );
}

function ProgressStep({ view }: { view: ImportJobView }) {
  const { t } = useTranslation();
  const phases = t('imports.phases', { returnObjects: true }) as unknown as Record<string, string>;
  const phase = view.stage === 'queued' ? t('imports.queued') : (phases[view.counts.phase ?? 'importing'] ?? phases.importing);
  return (
    <Flex vertical gap={24} align="center" style={{ padding: '24px 0' }}>
      <Flex align="center" gap={12}>
        <Spin />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {phase}
        </Typography.Text>
      </Flex>
      <Progress
        percent={view.percent ?? 0}
        status="active"
        style={{ maxWidth: 560 }}
        aria-label={t('imports.percentRead', { percent: view.percent ?? 0 })}
        data-testid="import-progress"
      />
      <Counts counts={view.counts} showProcessed />
      <Typography.Text type="secondary">{t('imports.running')}</Typography.Text>
    </Flex>
  );
}

function ResultStep({ view, onRestart }: { view: ImportJobView; onRestart: () => void }) {
  const { t } = useTranslation();
  const actions = [
    <Link key="list" to="/workers">
      <Button type="primary" icon={<UnorderedListOutlined />}>
        {t('imports.backToList')}
      </Button>
    </Link>,
    <Button key="again" icon={<ReloadOutlined />} onClick={onRestart}>
      {t('imports.again')}
    </Button>,
  ];
  const result = view.result;
  if (!result) {
    return <Result status="error" title={t('imports.failedTitle')} subTitle={view.error ?? undefined} extra={actions} />;
  }
  const hasProblems = result.rejected > 0 || Boolean(result.fatal);
  return (
    <Result
      status={hasProblems ? 'warning' : 'success'}
      title={result.rejected ? t('imports.doneWithRejections', { count: result.rejected }) : t('imports.doneTitle')}
      subTitle={t('imports.doneText', result)}
      extra={
        result.report
          ? [
              <Button key="report" danger icon={<DownloadOutlined />} href={uploadContentUrl(result.report)} download>
                {t('imports.downloadReport')}
              </Button>,
              ...actions,
            ]
          : actions
      }
    >
      <Flex vertical gap={16} align="center">
        <Counts counts={{ ...view.counts, ...result }} showProcessed={false} />
        {result.fatal ? (
          <Alert
            type="warning"
            showIcon
            title={t('imports.fatalTitle')}
            description={result.fatalMessage ?? result.fatal}
            style={{ maxWidth: 760 }}
          />
        ) : null}
        {result.report ? <Typography.Text type="secondary">{t('imports.rejectedText')}</Typography.Text> : null}
      </Flex>
    </Result>
  );
}

/** 批量导入: upload a spreadsheet, confirm its columns, watch it import, get the error report. */
export function ImportWorkersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const uploadId = params.get('upload') ?? undefined;
  const jobId = params.get('job') ?? undefined;
  const preview = useImportPreview(jobId ? undefined : uploadId);
  const job = useImportJob(jobId);
  const view = job.data ? importJobView(job.data) : undefined;
  const restart = () => setParams({});

  const current = jobId ? (view?.stage === 'done' || view?.stage === 'failed' ? 3 : 2) : uploadId ? 1 : 0;
  const stepStatus = view?.stage === 'failed' ? 'error' : current === 3 ? 'finish' : 'process';

  let body: React.ReactNode;
  if (jobId) {
    if (job.error)
      body = <Alert type="error" showIcon title={job.error.message} action={<Button onClick={restart}>{t('imports.again')}</Button>} />;
    else if (!view) body = <FullPageSpinner />;
    else if (view.stage === 'queued' || view.stage === 'running') body = <ProgressStep view={view} />;
    else body = <ResultStep view={view} onRestart={restart} />;
  } else if (uploadId) {
    if (preview.error)
      body = (
        <Alert
          type="error"
          showIcon
          title={preview.error.message}
          action={<Button onClick={restart}>{t('imports.chooseAnother')}</Button>}
        />
      );
    else if (!preview.data) body = <FullPageSpinner />;
    else body = <MappingStep key={uploadId} preview={preview.data} onStarted={(id) => setParams({ job: id })} onRestart={restart} />;
  } else {
    body = <UploadStep onUploaded={(p) => setParams({ upload: p.uploadId })} />;
  }

  return (
    <>
      <Link to="/workers" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('imports.backToList')}
      </Link>
      <PageHeader title={t('imports.title')} />
      <Card>
        <Steps
          current={current}
          status={stepStatus}
          style={{ maxWidth: 880, marginBottom: 24 }}
          items={[
            { title: t('imports.steps.upload') },
            { title: t('imports.steps.mapping') },
            {
              title: t('imports.steps.progress'),
              content: current === 2 && view ? `${t('imports.processed')} ${view.counts.processed.toLocaleString()}` : undefined,
            },
            { title: t('imports.steps.result') },
          ]}
        />
        {body}
      </Card>
    </>
  );
}
