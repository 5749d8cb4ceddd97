import { type Credential, RevokeCredentialSchema } from '@changai/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { credentialHeadline } from './credential-labels';
import { useRevokeCredential } from './use-workers';

/** Revoking keeps the record, struck through, with the reason asked for here. */
export function RevokeCredentialModal({ credential, onClose }: { credential: Credential; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeCredential();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('profile.revokeTitle', { name: credentialHeadline(t, credential) })}
      okText={t('profile.revokeConfirm')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={revoke.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={({ reason }) =>
          revoke.mutate(
            { credentialId: credential.id, input: { reason: reason.trim() } },
            {
              onSuccess: () => {
                void message.success(t('profile.revokedDone'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('profile.revokeReason')}
          extra={t('profile.revokeReasonExtra')}
          rules={rules(RevokeCredentialSchema.shape.reason)}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
