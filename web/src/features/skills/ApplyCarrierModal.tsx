import {
  ApplyCarrierSchema,
  CARRIER_KIND_LEVELS,
  CARRIER_KINDS,
  type CarrierKind,
  type CarrierLevel,
  STUDIO_TYPES,
} from '@changai/contracts';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { WorkerPicker } from '../../components/WorkerPicker';
import { useActor } from '../auth/use-session';
import { useApplyCarrier } from './use-skills';

type Values = {
  kind: CarrierKind;
  level?: CarrierLevel;
  studioType?: (typeof STUDIO_TYPES)[number];
  name: string;
  hostOrgId?: string;
  leaderWorkerId?: string;
  memberWorkerIds: string[];
  industryDivisions: string[];
  occupationCodes: string[];
  description?: string;
};

const shape = ApplyCarrierSchema.shape;

/** A host unit applies for a base or studio to be recognised; the office then decides on it. */
export function ApplyCarrierModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { rules, fieldErrors } = useZodRules();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const apply = useApplyCarrier();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form) ?? 'master_studio';
  const hostOrgId = Form.useWatch('hostOrgId', form);

  const onFinish = (v: Values) => {
    const input = {
      kind: v.kind,
      level: v.level,
      studioType: v.kind === 'innovation_studio' ? (v.studioType ?? null) : null,
      name: v.name?.trim(),
      hostOrgId: v.hostOrgId,
      leaderWorkerId: v.leaderWorkerId ?? null,
      memberWorkerIds: (v.memberWorkerIds ?? []).filter((id) => id !== v.leaderWorkerId),
      industryDivisions: v.industryDivisions ?? [],
      occupationCodes: v.occupationCodes ?? [],
      description: v.description?.trim() || null,
    };
    const problems = fieldErrors(ApplyCarrierSchema, input);
    if (problems.length) {
      form.setFields(problems as Parameters<typeof form.setFields>[0]);
      return;
    }
    apply.mutate(ApplyCarrierSchema.parse(input), {
      onSuccess: (carrier) => {
        void message.success(t('skills.apply.applied', { name: carrier.name }));
        onClose();
        void navigate(`/skills/carriers/${carrier.id}`);
      },
      onError,
    });
  };

  return (
    <Modal
      open
      title={t('skills.apply.title')}
      okText={t('skills.apply.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={apply.isPending}
      destroyOnHidden
      width={760}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        initialValues={{
          kind: 'master_studio',
          level: 'provincial',
          hostOrgId: actor.role === 'enterprise_hr' ? actor.orgId : undefined,
          memberWorkerIds: [],
          industryDivisions: [],
          occupationCodes: [],
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) {
            const level = form.getFieldValue('level') as CarrierLevel | undefined;
            if (level && !CARRIER_KIND_LEVELS[changed.kind].includes(level)) form.setFieldValue('level', undefined);
          }
          // Workers belong to the host: a new host clears them.
          if ('hostOrgId' in changed) form.setFieldsValue({ leaderWorkerId: undefined, memberWorkerIds: [] });
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('skills.carriers.kind')} rules={rules(shape.kind)}>
              <Select options={CARRIER_KINDS.map((k) => ({ value: k, label: t(`skills.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={kind === 'innovation_studio' ? 6 : 12}>
            <Form.Item name="level" label={t('skills.carriers.level')} rules={rules(shape.level)}>
              <Select options={CARRIER_KIND_LEVELS[kind].map((l) => ({ value: l, label: t(`skills.levels.${l}`) }))} />
            </Form.Item>
          </Col>
          {kind === 'innovation_studio' ? (
            <Col span={6}>
              <Form.Item
                name="studioType"
                label={t('skills.carriers.studioType')}
                rules={[{ required: true, message: t('skills.validation.carrier_studio_type') }]}
              >
                <Select options={STUDIO_TYPES.map((s) => ({ value: s, label: t(`skills.studioTypes.${s}`) }))} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item name="name" label={t('skills.carriers.name')} rules={rules(shape.name)}>
          <Input maxLength={200} placeholder={t('skills.apply.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="hostOrgId" label={t('skills.carriers.host')} rules={rules(shape.hostOrgId)}>
          <OrgPicker
            valueOrg={actor.role === 'enterprise_hr' ? { id: actor.orgId, name: actor.orgName } : undefined}
            placeholder={t('skills.apply.hostPlaceholder')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="leaderWorkerId" label={t('skills.apply.leader')} extra={t('skills.apply.workersHint')}>
              <WorkerPicker orgId={hostOrgId} disabled={!hostOrgId} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="memberWorkerIds" label={t('skills.carriers.members')}>
              <WorkerPicker multiple orgId={hostOrgId} disabled={!hostOrgId} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="industryDivisions"
              label={t('skills.carriers.industries')}
              rules={rules(shape.industryDivisions)}
              extra={t('skills.apply.tagsHint')}
            >
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="36, 38" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="occupationCodes" label={t('skills.carriers.occupations')} rules={rules(shape.occupationCodes)}>
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="6-18-02-04" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('skills.carriers.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
