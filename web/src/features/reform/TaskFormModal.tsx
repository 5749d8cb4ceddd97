import { type CreateTask, REFORM_AREAS, REPORT_CYCLES } from '@changai/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { OrgPicker } from '../../components/OrgPicker';
import { useCreateTask, usePolicies } from './use-reform';

type Values = Omit<CreateTask, 'startsOn' | 'dueOn' | 'milestones'> & { range: [Dayjs, Dayjs] };

/** Sets a task for a lead unit (optionally from a meeting decision, whose text becomes its description). */
export function TaskFormModal({ onClose, decision }: { onClose: () => void; decision?: { id: string; text: string } }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const policies = usePolicies({ limit: 200 });
  const onError = useApiErrorHandler(form);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const required = [{ required: true, message: t('validation.required') }];
  const year = dayjs().year();
  return (
    <Modal
      open
      width={680}
      title={t('reform.tasks.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          area: 'skills',
          reportCycle: 'quarterly',
          coUnitIds: [],
          title: decision?.text.slice(0, 200),
          description: decision?.text ?? '',
          range: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)],
        }}
        onFinish={({ range, ...v }) =>
          create.mutate(
            {
              decisionId: decision?.id,
              input: {
                ...v,
                coUnitIds: v.coUnitIds ?? [],
                description: v.description ?? '',
                startsOn: range[0].format('YYYY-MM-DD'),
                dueOn: range[1].format('YYYY-MM-DD'),
                milestones: [],
              },
            },
            {
              onSuccess: (task) => {
                void message.success(t('reform.tasks.created'));
                onClose();
                navigate(`/tasks/${task.id}`);
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="title" label={t('reform.tasks.titleLabel')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="area" label={t('reform.tasks.area')} rules={required}>
          <Select options={REFORM_AREAS.map((a) => ({ value: a, label: t(`reform.areas.${a}`) }))} />
        </Form.Item>
        <Form.Item name="orgId" label={t('reform.tasks.leadOrg')} rules={required}>
          <OrgPicker aria-label={t('reform.tasks.leadOrg')} />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('reform.tasks.coUnits')}>
          <OrgListPicker />
        </Form.Item>
        <Form.Item name="range" label={`${t('reform.tasks.startsOn')} – ${t('reform.tasks.dueOn')}`} rules={required}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reportCycle" label={t('reform.tasks.cycle')} rules={required}>
          <Select options={REPORT_CYCLES.map((c) => ({ value: c, label: t(`reform.cycles.${c}`) }))} />
        </Form.Item>
        <Form.Item name="policyId" label={t('reform.tasks.policy')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('reform.tasks.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Several orgs (co-units, attending units), one picked at a time. */
export function OrgListPicker({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const ids = value ?? [];
  return (
    <>
      {ids.map((id, i) => (
        <div key={id} style={{ marginBottom: 8 }}>
          <OrgPicker
            value={id}
            onChange={(next) => onChange?.(next ? ids.map((x, j) => (j === i ? next : x)) : ids.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <OrgPicker value={null} onChange={(next) => next && !ids.includes(next) && onChange?.([...ids, next])} />
    </>
  );
}
