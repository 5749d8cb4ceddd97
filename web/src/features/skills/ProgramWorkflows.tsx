import { DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Job, ProgramDetail } from '@changai/contracts';
import { Alert, App, Button, Flex, Form, Modal, Progress, Result, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { uploadContentUrl } from '../../api/imports.api';
import { trainingTemplateUrl } from '../../api/skills.api';
import { useApiErrorHandler } from '../../app/use-api-error';
import { WorkerPicker } from '../../components/WorkerPicker';
import { Counts } from '../imports/ImportWorkersPage';
import { formatBytes, importJobView } from '../imports/import-job';
import { useEnrollWorkers, useStartTrainingImport, useTrainingImportJob } from './use-skills';

/** Registry workers picked by search; the server enrolls only those within the actor's own subtree. */
export function EnrollModal({ program, onClose }: { program: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ workerIds: string[] }>();
  const enroll = useEnrollWorkers();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const chosen = Form.useWatch('workerIds', form) ?? [];
  const left = program.capacity - program.enrolled;
  const known = program.enrollments.map((e) => ({ id: e.worker.id, name: e.worker.name, orgName: e.worker.orgName }));
  return (
    <Modal
      open
      title={t('skills.enroll.title', { title: program.title })}
      okText={t('skills.enroll.submit', { count: chosen.length })}
      okButtonProps={{ disabled: !chosen.length }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={enroll.isPending}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ workerIds: [] }}
        onFinish={(v) =>
          enroll.mutate(
            { programId: program.id, workerIds: v.workerIds },
            {
              onSuccess: () => {
                void message.success(t('skills.enroll.done', { count: v.workerIds.length }));
                onClose();
              },
              onError: (error) => {
                // The server names refused workers by their index in the list.
                if (isApiError(error)) {
                  const refused = error.fields.map((f) => Number(f.path.split('.').pop())).filter((i) => Number.isInteger(i));
                  if (refused.length) {
                    const names = refused.map((i) => known.find((k) => k.id === v.workerIds[i])?.name ?? v.workerIds[i]);
                    form.setFields([{ name: 'workerIds', errors: [`${error.message} ${names.join('、')}`] }]);
                  }
                }
                onError(error);
              },
            },
          )
        }
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('skills.enroll.places', { left: Math.max(0, left), capacity: program.capacity })}
          description={t('skills.enroll.scopeHint')}
        />
        <Form.Item
          name="workerIds"
          label={t('skills.enroll.workers')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: async (_: unknown, ids: string[] = []) => {
                if (ids.length > left) throw new Error(t('skills.enroll.tooMany', { left: Math.max(0, left) }));
              },
            },
          ]}
        >
          <WorkerPicker multiple known={known} aria-label={t('skills.enroll.workers')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Training results carry no `fatalMessage` unless the file broke off; read them as the registry import's. */
const viewOf = (job: Job) =>
  importJobView({
    ...job,
    result: job.result && typeof job.result === 'object' ? { fatal: null, fatalMessage: null, ...job.result } : job.result,
  });

/**
 * 批量导入学员与结果: the template, the upload, the background job with its progress bar, and the
 * error report of rejected rows — the registry import's pieces, aimed at one program.
 */
export function TrainingImportModal({
  program,
  jobId,
  onJob,
  onClose,
}: {
  program: ProgramDetail;
  jobId: string | undefined;
  onJob: (jobId: string | undefined) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartTrainingImport();
  const job = useTrainingImportJob(jobId);
  const [file, setFile] = useState<File | null>(null);
  const view = job.data ? viewOf(job.data) : undefined;
  const current = !jobId ? 0 : view?.stage === 'done' || view?.stage === 'failed' ? 2 : 1;
  const again = () => {
    setFile(null);
    start.reset();
    onJob(undefined);
  };

  let body: React.ReactNode;
  if (!jobId) {
    const lines = start.error
      ? isApiError(start.error)
        ? [...new Set([start.error.message, ...start.error.fields.map((f) => f.message)])]
        : [start.error.message]
      : [];
    body = (
      <Flex vertical gap={16}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={start.isPending}
          customRequest={({ file: picked }) => {
            const chosen = picked as File;
            setFile(chosen);
            start.mutate({ programId: program.id, file: chosen }, { onSuccess: (queued) => onJob(queued.id) });
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.dragText')}</p>
          <p className="ant-upload-hint">{t('skills.trainingImport.hint')}</p>
        </Upload.Dragger>
        {file ? (
          <Flex align="center" gap={8}>
            <FileExcelOutlined style={{ color: '#237804' }} />
            <Typography.Text>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
            {start.isPending ? <Spin size="small" /> : null}
          </Flex>
        ) : null}
        {lines.length ? <Alert type="error" showIcon title={t('imports.uploadFailed')} description={lines.join(' ')} /> : null}
        <Flex align="center" gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={trainingTemplateUrl} download>
            {t('imports.template')}
          </Button>
          <Typography.Text type="secondary">{t('skills.trainingImport.templateHint')}</Typography.Text>
        </Flex>
      </Flex>
    );
  } else if (job.error) {
    body = <Alert type="error" showIcon title={job.error.message} action={<Button onClick={again}>{t('imports.again')}</Button>} />;
  } else if (!view || view.stage === 'queued' || view.stage === 'running') {
    body = (
      <Flex vertical gap={20} align="center" style={{ padding: '16px 0' }}>
        <Flex align="center" gap={12}>
          <Spin />
          <Typography.Text strong>{view?.stage === 'running' ? t('imports.phases.importing') : t('imports.queued')}</Typography.Text>
        </Flex>
        <Progress
          percent={view?.percent ?? 0}
          status="active"
          style={{ maxWidth: 480 }}
          aria-label={t('imports.percentRead', { percent: view?.percent ?? 0 })}
          data-testid="import-progress"
        />
        {view ? <Counts counts={view.counts} showProcessed /> : null}
      </Flex>
    );
  } else if (!view.result) {
    body = (
      <Result
        status="error"
        title={t('imports.failedTitle')}
        subTitle={view.error ?? undefined}
        extra={<Button onClick={again}>{t('imports.again')}</Button>}
      />
    );
  } else {
    const result = view.result;
    body = (
      <Result
        status={result.rejected || result.fatal ? 'warning' : 'success'}
        title={result.rejected ? t('imports.doneWithRejections', { count: result.rejected }) : t('imports.doneTitle')}
        subTitle={t('skills.trainingImport.doneText', result)}
        extra={[
          ...(result.report
            ? [
                <Button key="report" danger icon={<DownloadOutlined />} href={uploadContentUrl(result.report)} download>
                  {t('imports.downloadReport')}
                </Button>,
              ]
            : []),
          <Button key="again" icon={<ReloadOutlined />} onClick={again}>
            {t('imports.again')}
          </Button>,
        ]}
      >
        <Flex vertical gap={12} align="center">
          <Counts counts={{ ...view.counts, ...result }} showProcessed={false} />
          {result.fatal ? <Alert type="warning" showIcon title={result.fatalMessage ?? result.fatal} /> : null}
          {result.report ? <Typography.Text type="secondary">{t('imports.rejectedText')}</Typography.Text> : null}
        </Flex>
      </Result>
    );
  }

  return (
    <Modal
      open
      title={t('skills.trainingImport.title', { title: program.title })}
      footer={<Button onClick={onClose}>{t('skills.trainingImport.close')}</Button>}
      onCancel={onClose}
      destroyOnHidden
      width={820}
    >
      <Steps
        size="small"
        current={current}
        status={view?.stage === 'failed' ? 'error' : current === 2 ? 'finish' : 'process'}
        style={{ margin: '8px 0 24px' }}
        items={[{ title: t('imports.steps.upload') }, { title: t('imports.steps.progress') }, { title: t('imports.steps.result') }]}
      />
      {body}
    </Modal>
  );
}
