import { POLICY_STATUSES, REFORM_AREAS, type SavePolicy } from '@changai/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadPolicyFile } from '../../api/reform.api';
import { useApiErrorHandler } from '../../app/use-api-error';
import { OrgPicker } from '../../components/OrgPicker';
import { FileUpload } from './FileUpload';
import { usePolicies, usePolicy, useSavePolicy } from './use-reform';

type Values = Omit<SavePolicy, 'issuedOn'> & { issuedOn: Dayjs };

export function PolicyFormModal({ policyId, onClose }: { policyId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const existing = usePolicy(policyId);
  const others = usePolicies({ limit: 200 });
  const save = useSavePolicy();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const required = [{ required: true, message: t('validation.required') }];

  useEffect(() => {
    const p = existing.data;
    if (p) {
      form.setFieldsValue({
        title: p.title,
        docNumber: p.docNumber,
        issuers: p.issuers,
        issuedOn: dayjs(p.issuedOn),
        category: p.category,
        status: p.status,
        leadOrgId: p.leadOrg?.id ?? null,
        supersedesId: p.supersedes?.id ?? null,
        summary: p.summary,
        fullText: p.fullText,
      });
    }
  }, [existing.data, form]);

  return (
    <Modal
      open
      width={760}
      title={policyId ? t('reform.policies.edit') : t('reform.policies.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ status: 'in_force', category: 'skills', attachmentIds: [], fullText: '' }}
        onFinish={(v) =>
          save.mutate(
            {
              policyId,
              input: { ...v, issuedOn: v.issuedOn.format('YYYY-MM-DD'), attachmentIds: v.attachmentIds ?? [], fullText: v.fullText ?? '' },
            },
            {
              onSuccess: () => {
                void message.success(t('reform.policies.saved'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="title" label={t('reform.policies.titleLabel')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="docNumber" label={t('reform.policies.docNumber')}>
          <Input maxLength={100} placeholder="鄂人社发〔2020〕18号" />
        </Form.Item>
        <Form.Item name="issuers" label={t('reform.policies.issuers')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('reform.policies.issuedOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="category" label={t('reform.policies.category')} rules={required}>
          <Select options={REFORM_AREAS.map((a) => ({ value: a, label: t(`reform.areas.${a}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('reform.policies.status')} rules={required}>
          <Select options={POLICY_STATUSES.map((s) => ({ value: s, label: t(`reform.policyStatuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="leadOrgId" label={t('reform.policies.leadOrg')}>
          <OrgPicker valueOrg={existing.data?.leadOrg ?? undefined} />
        </Form.Item>
        <Form.Item name="supersedesId" label={t('reform.policies.supersedes')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(others.data?.items ?? []).filter((p) => p.id !== policyId).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="summary" label={t('reform.policies.summary')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="fullText" label={t('reform.policies.fullText')}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('reform.policies.attachments')}>
          <FileUpload upload={uploadPolicyFile} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
