import { CreateWorkerSchema, UpdateWorkerSchema, WORKER_STATUSES, type WorkerDetail } from '@changai/contracts';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { useActor } from '../auth/use-session';
import { labelOf } from './credential-labels';
import { previewIdNumber } from './id-number-preview';
import { useCreateWorker, useUpdateWorker } from './use-workers';

type Values = {
  name: string;
  idNumber?: string;
  phone?: string;
  orgId: string;
  occupationCode?: string;
  industryDivision?: string;
  isFrontline: boolean;
  isUnionMember: boolean;
  employedFrom?: Dayjs | null;
  employedTo?: Dayjs | null;
  status: WorkerDetail['status'];
};

const isoDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const blankToNull = (v: string | undefined) => v?.trim() || null;
const today = () => dayjs().format('YYYY-MM-DD');

/** Registers a worker (identity from the ID number) or edits their employment; the ID number itself never changes. */
export function WorkerFormModal({ worker, defaultOrgId, onClose }: { worker?: WorkerDetail; defaultOrgId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorker();
  const update = useUpdateWorker();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const shape = CreateWorkerSchema.shape;
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const preview = idNumber.trim() ? previewIdNumber(idNumber, today()) : undefined;
  // An enterprise's HR registers its own employees; start from their own org.
  const ownOrg = !worker && !defaultOrgId && actor.role === 'enterprise_hr' ? { id: actor.orgId, name: actor.orgName } : undefined;

  const onFinish = (values: Values) => {
    const common = {
      name: values.name.trim(),
      orgId: values.orgId,
      occupationCode: blankToNull(values.occupationCode),
      industryDivision: blankToNull(values.industryDivision),
      isFrontline: values.isFrontline,
      isUnionMember: values.isUnionMember,
      employedFrom: isoDay(values.employedFrom),
      status: values.status,
    };
    if (!worker) {
      create.mutate(
        { ...common, idNumber: values.idNumber?.trim() ?? '', phone: blankToNull(values.phone) },
        {
          onSuccess: (created) => {
            void message.success(t('workers.created', { name: created.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    // An empty phone keeps the one on file: the form never saw it unmasked.
    const phone = values.phone?.trim();
    update.mutate(
      { workerId: worker.id, ...common, employedTo: isoDay(values.employedTo), ...(phone ? { phone } : {}) },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );
  };

  const idNumberRules = [
    { required: true, message: t('validation.required') },
    {
      validator: async (_: unknown, value?: string) => {
        const check = value?.trim() ? previewIdNumber(value, today()) : undefined;
        if (check && !check.ok) {
          const length = value?.replace(/\s/g, '').length ?? 0;
          throw new Error(t(`validation.id_number_${check.reason}`, { length }));
        }
      },
    },
  ];

  return (
    <Modal
      open
      title={worker ? t('workers.editTitle', { name: worker.name }) : t('workers.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={680}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        initialValues={
          worker
            ? {
                name: worker.name,
                orgId: worker.org.id,
                occupationCode: worker.occupationCode ?? undefined,
                industryDivision: worker.industryDivision ?? undefined,
                isFrontline: worker.isFrontline,
                isUnionMember: worker.isUnionMember,
                employedFrom: worker.employedFrom ? dayjs(worker.employedFrom) : null,
                employedTo: worker.employedTo ? dayjs(worker.employedTo) : null,
                status: worker.status,
              }
            : { orgId: defaultOrgId ?? ownOrg?.id, isFrontline: false, isUnionMember: false, status: 'employed' }
        }
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('workers.name')} rules={rules(shape.name)}>
              <Input autoComplete="off" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {worker ? (
              <Form.Item label={t('workers.idNumber')}>
                <Input value={worker.idNumber} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="idNumber"
                label={t('workers.idNumber')}
                rules={idNumberRules}
                validateDebounce={300}
                extra={
                  preview?.ok
                    ? t('workers.idNumberDerived', { gender: labelOf(t, 'genders', preview.gender), birthDate: preview.birthDate })
                    : t('workers.idNumberExtra')
                }
              >
                <Input autoComplete="off" maxLength={30} style={{ fontVariantNumeric: 'tabular-nums' }} />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('workers.phone')}
              rules={rules(worker ? UpdateWorkerSchema.shape.phone : shape.phone)}
              extra={worker?.phone ? t('workers.phoneKeep', { phone: worker.phone }) : undefined}
            >
              <Input autoComplete="off" maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgId" label={t('workers.employer')} rules={rules(shape.orgId)}>
              <OrgPicker valueOrg={worker?.org ?? ownOrg} allowClear={false} placeholder={t('workers.orgPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="occupationCode"
              label={t('workers.occupationCode')}
              rules={rules(shape.occupationCode)}
              extra={t('workers.occupationCodeExtra')}
            >
              <Input autoComplete="off" placeholder="6-18-01-01" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="industryDivision"
              label={t('workers.industryDivision')}
              rules={rules(shape.industryDivision)}
              extra={t('workers.industryDivisionExtra')}
            >
              <Input autoComplete="off" placeholder="31" maxLength={2} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employedFrom" label={t('workers.employedFrom')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          {worker ? (
            <Col span={12}>
              <Form.Item
                name="employedTo"
                label={t('workers.employedTo')}
                dependencies={['employedFrom']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value?: Dayjs | null) => {
                      const from = getFieldValue('employedFrom') as Dayjs | null | undefined;
                      if (value && from && value.isBefore(from, 'day')) throw new Error(t('validation.date_range_order'));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item name="status" label={t('workers.status')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={WORKER_STATUSES.map((s) => ({ value: s, label: labelOf(t, 'workerStatuses', s) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="isFrontline" label={t('workers.isFrontline')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="isUnionMember" label={t('workers.isUnionMember')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
