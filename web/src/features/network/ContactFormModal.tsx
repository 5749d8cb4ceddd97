import { type Contact, type SaveContact, SaveContactSchema } from '@changai/contracts';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { useSaveContact } from './use-network';

type Values = { name: string; position?: string; phone?: string; email?: string; isPrimary: boolean };

const orNull = (v: string | undefined) => v?.trim() || null;

/**
 * Add or edit a contact. The API replaces a contact whole, so editing needs the full phone:
 * the caller reveals it first (audited) or passes `isPhoneHidden` and the number must be re-entered.
 */
export function ContactFormModal({
  orgId,
  contact,
  isPhoneHidden = false,
  onClose,
}: {
  orgId: string;
  contact?: Contact;
  isPhoneHidden?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<Values>();
  const save = useSaveContact();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const shape = SaveContactSchema.shape;

  const onFinish = (values: Values) => {
    const input: SaveContact = {
      name: values.name.trim(),
      position: orNull(values.position),
      phone: orNull(values.phone),
      email: orNull(values.email),
      isPrimary: values.isPrimary,
    };
    save.mutate(
      { orgId, contactId: contact?.id, input },
      {
        onSuccess: () => {
          void message.success(t('network.contactSaved'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      title={contact ? t('network.editContact') : t('network.addContact')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        initialValues={
          contact
            ? {
                name: contact.name,
                position: contact.position ?? undefined,
                phone: isPhoneHidden ? undefined : (contact.phone ?? undefined),
                email: contact.email ?? undefined,
                isPrimary: contact.isPrimary,
              }
            : { isPrimary: false }
        }
      >
        <Form.Item name="name" label={t('network.contactName')} rules={rules(shape.name)}>
          <Input />
        </Form.Item>
        <Form.Item name="position" label={t('network.position')} rules={rules(shape.position)}>
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('network.phone')}
          rules={rules(shape.phone)}
          extra={isPhoneHidden ? t('network.phoneHidden') : undefined}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('network.email')} rules={rules(shape.email)}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="isPrimary" label={t('network.isPrimary')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
