import { EditOutlined, StopOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Enrollment, ProgramDetail } from '@changai/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/use-session';
import { labelOf } from '../workers/credential-labels';
import { ProgramFormModal } from './ProgramFormModal';
import { EnrollModal, TrainingImportModal } from './ProgramWorkflows';
import { useCloseProgram, useProgram, useRecordOutcome } from './use-skills';

type OutcomeValues = {
  attendancePercent?: number | null;
  completed: boolean;
  result: 'passed' | 'failed' | 'none';
  score?: number | null;
  assessedOn?: Dayjs | null;
  certificateNumber?: string;
};

/** Attendance, completion and the assessment; a pass issues the skill level into the registry. */
function OutcomeModal({ program, enrollment, onClose }: { program: ProgramDetail; enrollment: Enrollment; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OutcomeValues>();
  const result = Form.useWatch('result', form);
  const record = useRecordOutcome();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('skills.programs.outcomeTitle', { name: enrollment.worker.name })}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          attendancePercent: enrollment.attendancePercent ?? 100,
          completed: true,
          result: enrollment.result ?? 'none',
          score: enrollment.score,
          assessedOn: enrollment.assessedOn ? dayjs(enrollment.assessedOn) : dayjs(),
          certificateNumber: enrollment.certificateNumber ?? '',
        }}
        onFinish={(v) => {
          const isAssessed = v.result !== 'none';
          record.mutate(
            {
              enrollmentId: enrollment.id,
              input: {
                attendancePercent: v.attendancePercent ?? null,
                completed: v.completed,
                result: v.result === 'none' ? null : v.result,
                score: isAssessed ? (v.score ?? null) : null,
                assessedOn: isAssessed && v.assessedOn ? v.assessedOn.format('YYYY-MM-DD') : null,
                certificateNumber: v.result === 'passed' && v.certificateNumber?.trim() ? v.certificateNumber.trim() : null,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('skills.programs.outcomeSaved'));
                onClose();
              },
              onError,
            },
          );
        }}
      >
        <Typography.Paragraph type="secondary">
          {program.title} · {labelOf(t, 'skillLevels', program.targetLevel)}
        </Typography.Paragraph>
        <Form.Item name="attendancePercent" label={t('skills.programs.attendance')}>
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="completed" valuePropName="checked">
          <Checkbox>{t('skills.programs.markCompleted')}</Checkbox>
        </Form.Item>
        <Form.Item name="result" label={t('skills.programs.result')}>
          <Radio.Group
            options={[
              { value: 'none', label: t('common.none') },
              { value: 'passed', label: t('skills.reviewResults.passed') },
              { value: 'failed', label: t('skills.reviewResults.failed') },
            ]}
          />
        </Form.Item>
        {result && result !== 'none' ? (
          <Flex gap={16} wrap>
            <Form.Item name="score" label={t('skills.programs.score')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              name="assessedOn"
              label={t('skills.programs.assessedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker />
            </Form.Item>
          </Flex>
        ) : null}
        {result === 'passed' ? (
          <>
            <Form.Item name="certificateNumber" label={t('skills.programs.certificateNumber')}>
              <Input maxLength={30} />
            </Form.Item>
            <Alert type="info" showIcon title={t('skills.programs.credentialHint')} />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

export function ProgramDetailPage() {
  const { t } = useTranslation();
  const { programId } = useParams();
  const program = useProgram(programId);
  const canManage = useCan('training:manage');
  const canReadWorkers = useCan('workers:read');
  const [editing, setEditing] = useState<Enrollment>();
  const [dialog, setDialog] = useState<'edit' | 'enroll'>();
  const closeProgram = useCloseProgram();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  // The import's job lives in the address, so a reload keeps following it.
  const [params, setParams] = useSearchParams();
  const importJob = params.get('importJob') ?? undefined;
  const isImporting = params.get('import') === '1' || Boolean(importJob);
  const setImport = (open: boolean, jobId?: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('import');
        next.delete('importJob');
        if (open) next.set('import', '1');
        if (open && jobId) next.set('importJob', jobId);
        return next;
      },
      { replace: true },
    );
  const p = program.data;
  if (program.error) return <Alert type="error" showIcon title={program.error.message} />;
  if (!p) return <Skeleton active />;

  return (
    <>
      <Link to="/skills/programs">← {t('skills.programs.back')}</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {p.title}
            {p.isFree ? <Tag color="green">{t('skills.programs.free')}</Tag> : null}
            <Tag color={p.status === 'open' ? 'processing' : 'default'}>{t(`skills.programStatuses.${p.status}`)}</Tag>
          </Flex>
        }
        extra={
          canManage && p.status === 'open' ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('skills.programForm.edit')}
              </Button>
              <Popconfirm
                title={t('skills.programForm.closeConfirm')}
                description={t('skills.programForm.closeHint')}
                okButtonProps={{ loading: closeProgram.isPending }}
                onConfirm={() =>
                  closeProgram.mutateAsync(p.id).then(
                    () => void message.success(t('skills.programForm.closed')),
                    (error: unknown) => onError(error),
                  )
                }
              >
                <Button icon={<StopOutlined />}>{t('skills.programForm.close')}</Button>
              </Popconfirm>
            </>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'occupation', label: t('skills.programs.occupation'), children: p.occupationCode },
            { key: 'level', label: t('skills.programs.targetLevel'), children: labelOf(t, 'skillLevels', p.targetLevel) },
            { key: 'provider', label: t('skills.programs.provider'), children: p.provider.name },
            {
              key: 'carrier',
              label: t('skills.programs.carrier'),
              children: p.carrier ? <Link to={`/skills/carriers/${p.carrier.id}`}>{p.carrier.name}</Link> : '—',
            },
            { key: 'mode', label: t('skills.programs.mode'), children: t(`skills.modes.${p.mode}`) },
            { key: 'dates', label: t('skills.programs.dates'), children: `${p.startsOn} ~ ${p.endsOn}` },
            { key: 'capacity', label: t('skills.programs.capacity'), children: p.capacity },
            { key: 'funding', label: t('skills.programs.funding'), children: t(`skills.funding.${p.funding}`) },
            {
              key: 'counts',
              label: `${t('skills.programs.enrolled')} / ${t('skills.programs.completed')} / ${t('skills.programs.passed')}`,
              children: `${p.enrolled} / ${p.completed} / ${p.passed}`,
            },
          ]}
        />
      </Card>
      <Card
        title={t('skills.programs.enrollments')}
        extra={
          canManage ? (
            <Flex gap={8}>
              {p.status === 'open' ? (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog('enroll')}>
                  {t('skills.enroll.open')}
                </Button>
              ) : null}
              <Button icon={<UploadOutlined />} onClick={() => setImport(true)}>
                {t('skills.trainingImport.open')}
              </Button>
            </Flex>
          ) : null
        }
      >
        <Table<Enrollment>
          size="small"
          rowKey="id"
          dataSource={p.enrollments}
          locale={{ emptyText: t('skills.enroll.empty') }}
          pagination={p.enrollments.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 960 }}
          columns={[
            {
              key: 'worker',
              title: t('skills.carriers.worker'),
              width: 100,
              render: (_, e) => (canReadWorkers ? <Link to={`/workers/${e.worker.id}`}>{e.worker.name}</Link> : e.worker.name),
            },
            { key: 'org', title: t('skills.carriers.employer'), ellipsis: true, render: (_, e) => e.worker.orgName },
            { key: 'status', title: t('common.status'), width: 80, render: (_, e) => t(`skills.enrollmentStatuses.${e.status}`) },
            {
              key: 'attendance',
              title: t('skills.programs.attendance'),
              width: 80,
              align: 'right',
              render: (_, e) => (e.attendancePercent === null ? '—' : `${e.attendancePercent}%`),
            },
            {
              key: 'result',
              title: t('skills.programs.result'),
              width: 90,
              render: (_, e) =>
                e.result ? <Tag color={e.result === 'passed' ? 'success' : 'error'}>{t(`skills.reviewResults.${e.result}`)}</Tag> : '—',
            },
            { key: 'score', title: t('skills.programs.score'), width: 64, align: 'right', render: (_, e) => e.score ?? '—' },
            { key: 'assessedOn', title: t('skills.programs.assessedOn'), width: 100, render: (_, e) => e.assessedOn ?? '—' },
            {
              key: 'credential',
              title: t('skills.programs.certificateNumber'),
              width: 170,
              render: (_, e) =>
                e.credentialId ? (
                  <Flex vertical>
                    <Tag color="gold">{t('skills.programs.credentialIssued')}</Tag>
                    {e.certificateNumber ? <Typography.Text style={{ fontSize: 12 }}>{e.certificateNumber}</Typography.Text> : null}
                  </Flex>
                ) : (
                  (e.certificateNumber ?? '—')
                ),
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 96,
                    render: (_: unknown, e: Enrollment) =>
                      e.credentialId ? null : (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setEditing(e)}
                          aria-label={`${t('skills.programs.recordOutcome')} ${e.worker.name}`}
                        >
                          {t('skills.programs.recordOutcome')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? <OutcomeModal program={p} enrollment={editing} onClose={() => setEditing(undefined)} /> : null}
      {dialog === 'edit' ? <ProgramFormModal program={p} onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'enroll' ? <EnrollModal program={p} onClose={() => setDialog(undefined)} /> : null}
      {isImporting && canManage ? (
        <TrainingImportModal program={p} jobId={importJob} onJob={(jobId) => setImport(true, jobId)} onClose={() => setImport(false)} />
      ) : null}
    </>
  );
}
