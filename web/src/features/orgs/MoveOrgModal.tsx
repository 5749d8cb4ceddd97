import type { Org, OrgDetail } from '@changai/contracts';
import { MoveOrgSchema } from '@changai/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { useMoveOrg } from './use-orgs';

export function MoveOrgModal({ org, onClose, onMoved }: { org: OrgDetail; onClose: () => void; onMoved: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<{ parentId: string }>();
  const move = useMoveOrg();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const isDisabled = useCallback((candidate: Org) => candidate.id === org.id || !candidate.isActive, [org.id]);
  const parent = org.ancestors.at(-1);

  return (
    <Modal
      open
      title={t('orgs.moveTitle')}
      okText={t('orgs.move')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('orgs.moveHint', { name: org.name })} style={{ margin: '16px 0' }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ parentId: parent?.id }}
        onFinish={({ parentId }) =>
          move.mutate(
            { orgId: org.id, parentId },
            {
              onSuccess: () => {
                void message.success(t('orgs.moved'));
                onMoved();
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="parentId" label={t('orgs.newParent')} rules={rules(MoveOrgSchema.shape.parentId)}>
          <OrgPicker valueOrg={parent} isDisabled={isDisabled} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
