import { type CreateOrg, CreateOrgSchema, ORG_KINDS, type Org, type OrgDetail, type OrgKind, UpdateOrgSchema } from '@changai/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { useCreateOrg, useUpdateOrg } from './use-orgs';

type Values = { code?: string; name: string; kind: Exclude<OrgKind, 'province'> };

const CHILD_KIND: Record<OrgKind, Exclude<OrgKind, 'province'>> = {
  province: 'department',
  prefecture: 'county',
  county: 'enterprise',
  department: 'other',
  federation: 'other',
  enterprise: 'department',
  other: 'other',
};

export type OrgFormTarget = { mode: 'create'; parent: OrgDetail } | { mode: 'edit'; org: OrgDetail };

/** New child org, or rename / re-kind an existing one. */
export function OrgFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: OrgFormTarget;
  onClose: () => void;
  onCreated?: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const isCreate = target.mode === 'create';
  const kindOptions = ORG_KINDS.filter((k) => k !== 'province').map((k) => ({ value: k, label: t(`orgKinds.${k}`) }));
  const isRoot = target.mode === 'edit' && target.org.kind === 'province';

  const onFinish = (values: Values) => {
    if (target.mode === 'create') {
      const input: CreateOrg = { parentId: target.parent.id, code: values.code ?? '', name: values.name, kind: values.kind };
      create.mutate(input, {
        onSuccess: (org) => {
          void message.success(t('orgs.created', { name: org.name }));
          onCreated?.(org);
          onClose();
        },
        onError,
      });
    } else {
      const input = isRoot ? { name: values.name } : { name: values.name, kind: values.kind };
      update.mutate(
        { orgId: target.org.id, ...input },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open
      title={isCreate ? t('orgs.addChildTitle', { name: target.parent.name }) : t('orgs.editTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          target.mode === 'create'
            ? { kind: CHILD_KIND[target.parent.kind] }
            : { name: target.org.name, kind: target.org.kind === 'province' ? undefined : target.org.kind }
        }
        style={{ marginTop: 16 }}
      >
        {isCreate ? (
          <Form.Item name="code" label={t('orgs.code')} extra={t('orgs.codeExtra')} rules={rules(CreateOrgSchema.shape.code)}>
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('orgs.name')} rules={rules(CreateOrgSchema.shape.name)}>
          <Input autoComplete="off" />
        </Form.Item>
        {isRoot ? null : (
          <Form.Item
            name="kind"
            label={t('orgs.kind')}
            rules={rules(isCreate ? CreateOrgSchema.shape.kind : UpdateOrgSchema.shape.kind.unwrap())}
          >
            <Select options={kindOptions} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
