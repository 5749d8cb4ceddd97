import type { NetworkRole, OrgRef } from '@changai/contracts';
import { App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { isoDay } from './AssignRoleModal';
import { useEndNetworkRole } from './use-network';

export type EndTarget = { assignmentId: string; org: OrgRef; role: NetworkRole; effectiveFrom: string };

export function EndRoleModal({ target, onClose }: { target: EndTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ effectiveTo: Dayjs }>();
  const end = useEndNetworkRole();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('network.endTitle', { name: target.org.name, role: t(`network.roles.${target.role}`) })}
      okText={t('network.end')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveTo: dayjs() }}
        style={{ marginTop: 16 }}
        onFinish={({ effectiveTo }) =>
          end.mutate(
            { assignmentId: target.assignmentId, effectiveTo: isoDay(effectiveTo) },
            {
              onSuccess: () => {
                void message.success(t('network.ended'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="effectiveTo"
          label={t('network.endDate')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: async (_, value?: Dayjs) => {
                if (value && isoDay(value) < target.effectiveFrom) throw new Error(t('validation.date_range_order'));
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
