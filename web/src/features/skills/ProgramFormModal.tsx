import { FUNDING_SOURCES, type ProgramDetail, SaveProgramSchema, TRAINING_LEVELS, TRAINING_MODES } from '@changai/contracts';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { useActor } from '../auth/use-session';
import { labelOf } from '../workers/credential-labels';
import { CarrierPicker } from './CarrierPicker';
import { useCreateProgram, useUpdateProgram } from './use-skills';

type Values = {
  title: string;
  occupationCode: string;
  targetLevel?: (typeof TRAINING_LEVELS)[number];
  providerOrgId?: string;
  carrierId?: string | null;
  mode: (typeof TRAINING_MODES)[number];
  dates?: [Dayjs, Dayjs];
  capacity?: number;
  funding?: (typeof FUNDING_SOURCES)[number];
  isFree: boolean;
};

const shape = SaveProgramSchema.shape;
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** Opens a training program (occupation, level, provider, dates, places, funding), or corrects an open one. */
export function ProgramFormModal({ program, onClose }: { program?: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { rules, fieldErrors } = useZodRules();
  const actor = useActor();
  const [form] = Form.useForm<Values>();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const ownOrg = actor.role === 'enterprise_hr' ? { id: actor.orgId, name: actor.orgName } : undefined;

  const onFinish = (v: Values) => {
    const input = {
      title: v.title?.trim(),
      occupationCode: v.occupationCode?.trim(),
      targetLevel: v.targetLevel,
      providerOrgId: v.providerOrgId,
      carrierId: v.carrierId ?? null,
      mode: v.mode,
      startsOn: day(v.dates?.[0]),
      endsOn: day(v.dates?.[1]),
      capacity: v.capacity,
      funding: v.funding,
      isFree: v.isFree,
    };
    const problems = fieldErrors(SaveProgramSchema, input).map((p) =>
      p.name[0] === 'startsOn' || p.name[0] === 'endsOn' ? { ...p, name: ['dates'] } : p,
    );
    if (problems.length) {
      form.setFields(problems as Parameters<typeof form.setFields>[0]);
      return;
    }
    const valid = SaveProgramSchema.parse(input);
    if (program) {
      update.mutate(
        { programId: program.id, input: valid },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(valid, {
      onSuccess: (created) => {
        void message.success(t('skills.programForm.created', { title: created.title }));
        onClose();
        void navigate(`/skills/programs/${created.id}`);
      },
      onError,
    });
  };

  return (
    <Modal
      open
      title={program ? t('skills.programForm.editTitle') : t('skills.programForm.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={720}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        initialValues={
          program
            ? {
                title: program.title,
                occupationCode: program.occupationCode,
                targetLevel: program.targetLevel,
                providerOrgId: program.provider.id,
                carrierId: program.carrier?.id ?? null,
                mode: program.mode,
                dates: [dayjs(program.startsOn), dayjs(program.endsOn)],
                capacity: program.capacity,
                funding: program.funding,
                isFree: program.isFree,
              }
            : { mode: 'onsite', providerOrgId: ownOrg?.id, isFree: false, funding: 'enterprise' }
        }
      >
        <Form.Item name="title" label={t('skills.programs.programTitle')} rules={rules(shape.title)}>
          <Input maxLength={200} placeholder={t('skills.programForm.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="occupationCode"
              label={t('skills.programs.occupation')}
              rules={rules(shape.occupationCode)}
              extra={t('skills.programForm.occupationHint')}
            >
              <Input maxLength={10} placeholder="6-18-02-04" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="targetLevel" label={t('skills.programs.targetLevel')} rules={rules(shape.targetLevel)}>
              <Select options={TRAINING_LEVELS.map((l) => ({ value: l, label: labelOf(t, 'skillLevels', l) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="providerOrgId" label={t('skills.programs.provider')} rules={rules(shape.providerOrgId)}>
              <OrgPicker valueOrg={program ? program.provider : ownOrg} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="carrierId" label={t('skills.programs.carrier')} extra={t('skills.programForm.carrierHint')}>
              <CarrierPicker known={program?.carrier} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="mode" label={t('skills.programs.mode')} rules={rules(shape.mode)}>
              <Radio.Group optionType="button" options={TRAINING_MODES.map((m) => ({ value: m, label: t(`skills.modes.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="dates" label={t('skills.programs.dates')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="capacity"
              label={t('skills.programs.capacity')}
              rules={rules(shape.capacity)}
              extra={program ? t('skills.programForm.capacityHint', { count: program.enrolled }) : undefined}
            >
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="funding" label={t('skills.programs.funding')} rules={rules(shape.funding)}>
              <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`skills.funding.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="isFree" label={t('skills.programs.free')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
