import type { Org, Report, TaskDetail } from '@changai/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { listOrgs } from '../../api/orgs.api';
import { uploadEvidence } from '../../api/reform.api';
import { useApiErrorHandler } from '../../app/use-api-error';
import { FileUpload } from './FileUpload';
import { useCancelTask, useChangeDeadline, useHandDown, useReviewReport, useSubmitReport } from './use-reform';

const required = (message: string) => [{ required: true, message }];

/** Files a period's report, or corrects a returned one. */
export function ReportModal({ task, period, onClose }: { task: TaskDetail; period?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ period: string; text: string; percent: number; attachmentIds: string[] }>();
  const submit = useSubmitReport();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const open = task.periods.filter((p) => p.state === 'due' || p.state === 'overdue' || p.state === 'returned');
  const initial = open.find((p) => p.period === period) ?? open[0];
  const returned = task.reports.find((r) => r.period === initial?.period && r.status === 'returned');
  return (
    <Modal
      open
      title={t('reform.tasks.fileReportTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          period: initial?.period,
          text: returned?.text ?? '',
          percent: returned?.percent ?? task.ownProgress,
          attachmentIds: [],
        }}
        onFinish={(v) =>
          submit.mutate(
            { taskId: task.id, input: { ...v, attachmentIds: v.attachmentIds ?? [] } },
            {
              onSuccess: () => {
                void message.success(t('reform.tasks.reportFiled'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        {returned?.returnReason ? (
          <Typography.Paragraph type="danger">
            {t('reform.tasks.returnReason')}：{returned.returnReason}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="period" label={t('reform.tasks.period')} rules={required(t('validation.required'))}>
          <Select options={open.map((p) => ({ value: p.period, label: `${p.period}（${t(`reform.periodStates.${p.state}`)}）` }))} />
        </Form.Item>
        <Form.Item name="text" label={t('reform.tasks.reportText')} rules={required(t('validation.required'))}>
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
        <Form.Item name="percent" label={t('reform.tasks.percent')} rules={required(t('validation.required'))}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('reform.tasks.evidence')}>
          <FileUpload upload={uploadEvidence} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReviewModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ decision: 'accept' | 'return'; reason?: string }>();
  const review = useReviewReport();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const decision = Form.useWatch('decision', form);
  return (
    <Modal
      open
      title={t('reform.tasks.reviewTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{report.period}</Typography.Text> · {report.percent}%
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.text}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'accept' }}
        onFinish={(v) =>
          review.mutate(
            { reportId: report.id, input: v },
            {
              onSuccess: () => {
                void message.success(v.decision === 'accept' ? t('reform.tasks.accepted') : t('reform.tasks.returned'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'accept', label: t('reform.tasks.accept') },
              { value: 'return', label: t('reform.tasks.return') },
            ]}
          />
        </Form.Item>
        {decision === 'return' ? (
          <Form.Item name="reason" label={t('reform.tasks.returnReason')} rules={required(t('validation.required'))}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Prefectures and counties the actor may reach; the server decides which lie below the task's unit. */
function useDivisions() {
  return useQuery({
    queryKey: ['orgs', 'divisions'],
    queryFn: async ({ signal }) => {
      const [prefectures, counties] = await Promise.all([
        listOrgs({ kind: 'prefecture', limit: 500 }, signal),
        listOrgs({ kind: 'county', limit: 500 }, signal),
      ]);
      return [...prefectures, ...counties] as Org[];
    },
  });
}

export function HandDownModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ orgIds: string[]; dueOn?: Dayjs }>();
  const handDown = useHandDown();
  const divisions = useDivisions();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const taken = new Set([task.org.id, ...task.copies.map((c) => c.org.id)]);
  return (
    <Modal
      open
      title={t('reform.tasks.handDownTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={handDown.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reform.tasks.handDownHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          handDown.mutate(
            { taskId: task.id, input: { orgIds: v.orgIds, dueOn: v.dueOn?.format('YYYY-MM-DD') } },
            {
              onSuccess: () => {
                void message.success(t('reform.tasks.handedDown', { count: v.orgIds.length }));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="orgIds" label={t('reform.tasks.handDownTargets')} rules={required(t('validation.required'))}>
          <Select
            mode="multiple"
            aria-label={t('reform.tasks.handDownTargets')}
            loading={divisions.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(divisions.data ?? []).filter((o) => !taken.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="dueOn" label={t('reform.tasks.copiesDueOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(task.dueOn))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DeadlineModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ dueOn: Dayjs; reason: string }>();
  const change = useChangeDeadline();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('reform.tasks.changeDeadline')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dueOn: dayjs(task.dueOn) }}
        onFinish={(v) =>
          change.mutate(
            { taskId: task.id, input: { dueOn: v.dueOn.format('YYYY-MM-DD'), reason: v.reason } },
            {
              onSuccess: () => {
                void message.success(t('reform.tasks.deadlineChanged'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="dueOn" label={t('reform.tasks.newDueOn')} rules={required(t('validation.required'))}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('reform.tasks.reason')} rules={required(t('validation.required'))}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CancelModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelTask();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('reform.tasks.cancel')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          cancel.mutate(
            { taskId: task.id, reason: v.reason },
            {
              onSuccess: () => {
                void message.success(t('reform.tasks.cancelled'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="reason" label={t('reform.tasks.cancelReason')} rules={required(t('validation.required'))}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
