import {
  CREDENTIAL_KINDS,
  type CredentialKind,
  GrantCredentialSchema,
  SKILL_LEVELS,
  TITLE_LEVELS,
  type WorkerDetail,
} from '@changai/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { labelOf } from './credential-labels';
import { useGrantCredential } from './use-workers';

// The level scales per kind; the server checks the code against the same scales.
const ACADEMIC_LEVELS = [
  'junior_secondary',
  'senior_secondary',
  'secondary_vocational',
  'junior_college',
  'bachelor',
  'master',
  'doctorate',
  'intermediate_worker_class',
  'senior_worker_class',
  'preparatory_technician_class',
] as const;
const ONE_PLUS_X_LEVELS = ['elementary', 'intermediate', 'advanced'] as const;

const LEVELS = {
  skill_level: { table: 'skillLevels', codes: SKILL_LEVELS },
  title: { table: 'titleLevels', codes: TITLE_LEVELS },
  academic: { table: 'academicLevels', codes: ACADEMIC_LEVELS },
  one_plus_x: { table: 'onePlusXLevels', codes: ONE_PLUS_X_LEVELS },
} as const;

/** Honors and 1+X certificates are known by their name. */
const isNamed = (kind: CredentialKind) => kind === 'honor' || kind === 'one_plus_x';

type Values = {
  kind: CredentialKind;
  levelCode?: string;
  series?: string;
  name?: string;
  issuer?: string;
  certificateNumber?: string;
  issuedOn: Dayjs;
};

const blankToNull = (v: string | undefined) => v?.trim() || null;

/** Records a credential or honor; the fields follow the kind. */
export function GrantCredentialModal({ worker, onClose }: { worker: WorkerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const [form] = Form.useForm<Values>();
  const grant = useGrantCredential();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form) ?? 'skill_level';
  const shape = GrantCredentialSchema.shape;
  const required = { required: true, message: t('validation.required') };
  const levels = kind === 'honor' ? undefined : LEVELS[kind];

  const onFinish = (values: Values) => {
    const input = {
      kind: values.kind,
      levelCode: levels ? (values.levelCode ?? null) : null,
      series: values.kind === 'title' ? blankToNull(values.series) : null,
      name: blankToNull(values.name),
      issuer: blankToNull(values.issuer),
      certificateNumber: blankToNull(values.certificateNumber),
      issuedOn: values.issuedOn.format('YYYY-MM-DD'),
    };
    grant.mutate(
      { workerId: worker.id, input },
      {
        onSuccess: () => {
          void message.success(t('profile.granted'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('profile.grantTitle', { name: worker.name })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={grant.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        onFinish={onFinish}
        style={{ marginTop: 20 }}
        initialValues={{ kind: 'skill_level' }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldsValue({ levelCode: undefined });
        }}
      >
        <Form.Item name="kind" label={t('profile.kind')} rules={[required]}>
          <Select options={CREDENTIAL_KINDS.map((k) => ({ value: k, label: labelOf(t, 'credentialKinds', k) }))} />
        </Form.Item>
        {levels ? (
          <Form.Item name="levelCode" label={t('profile.level')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={levels.codes.map((code) => ({ value: code, label: labelOf(t, levels.table, code) }))}
            />
          </Form.Item>
        ) : null}
        {kind === 'title' ? (
          <Form.Item name="series" label={t('profile.series')} rules={rules(shape.series)}>
            <Input placeholder={t('profile.seriesPlaceholder')} maxLength={40} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('profile.credentialName')}
          rules={isNamed(kind) ? [required, ...rules(shape.name)] : rules(shape.name)}
        >
          <Input placeholder={t(`profile.namePlaceholders.${kind}`)} maxLength={200} />
        </Form.Item>
        <Form.Item name="issuer" label={t('profile.issuer')} rules={rules(shape.issuer)}>
          <Input maxLength={200} />
        </Form.Item>
        {kind === 'honor' ? null : (
          <Form.Item name="certificateNumber" label={t('profile.certificateNumber')} rules={rules(shape.certificateNumber)}>
            <Input maxLength={40} style={{ fontVariantNumeric: 'tabular-nums' }} />
          </Form.Item>
        )}
        <Form.Item name="issuedOn" label={kind === 'honor' ? t('profile.awardedOn') : t('profile.issuedOn')} rules={[required]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(worker.birthDate), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
