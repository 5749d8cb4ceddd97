import { AssignNetworkRoleSchema, NETWORK_ROLES, type NetworkRole, type OrgRef } from '@changai/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { useAssignNetworkRole } from './use-network';

type Values = { orgId: string; role: NetworkRole; effectiveFrom: Dayjs; effectiveTo?: Dayjs | null; note?: string };

export const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');

export function AssignRoleModal({ org, onClose }: { org?: OrgRef; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules, fieldErrors } = useZodRules();
  const [form] = Form.useForm<Values>();
  const assign = useAssignNetworkRole();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const required = { required: true, message: t('validation.required') };

  const onFinish = (values: Values) => {
    const input = {
      orgId: values.orgId,
      role: values.role,
      effectiveFrom: isoDay(values.effectiveFrom),
      effectiveTo: values.effectiveTo ? isoDay(values.effectiveTo) : null,
      note: values.note?.trim() || null,
    };
    const errors = fieldErrors(AssignNetworkRoleSchema, input);
    if (errors.length) {
      form.setFields(errors as Parameters<typeof form.setFields>[0]);
      return;
    }
    assign.mutate(input, {
      onSuccess: () => {
        void message.success(t('network.assigned'));
        onClose();
      },
      onError,
    });
  };

  return (
    <Modal
      open
      title={t('network.assignTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ orgId: org?.id, role: 'liaison', effectiveFrom: dayjs() }}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="orgId" label={t('network.unit')} rules={rules(AssignNetworkRoleSchema.shape.orgId)}>
          <OrgPicker valueOrg={org} />
        </Form.Item>
        <Form.Item name="role" label={t('network.role')} rules={[required]}>
          <Select options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`network.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('network.term')} required style={{ marginBottom: 0 }}>
          <Form.Item name="effectiveFrom" rules={[required]} style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <DatePicker style={{ width: '100%' }} aria-label={t('network.effectiveFrom')} />
          </Form.Item>
          <span style={{ display: 'inline-block', width: 16, textAlign: 'center', lineHeight: '32px' }}>–</span>
          <Form.Item name="effectiveTo" style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <DatePicker style={{ width: '100%' }} placeholder={t('network.openEnded')} aria-label={t('network.effectiveTo')} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="note" label={t('network.note')} rules={rules(AssignNetworkRoleSchema.shape.note)}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
