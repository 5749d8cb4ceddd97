import { ACHIEVEMENT_KINDS, type AchievementDetail, SubmitAchievementSchema } from '@changai/contracts';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { WorkerPicker } from '../../components/WorkerPicker';
import { useActor } from '../auth/use-session';
import { CarrierPicker } from './CarrierPicker';
import { useEvaluateAchievement, useSubmitAchievement } from './use-skills';

type SubmitValues = {
  title: string;
  kind?: (typeof ACHIEVEMENT_KINDS)[number];
  orgId?: string;
  studioId?: string | null;
  startedOn?: Dayjs | null;
  submittedOn?: Dayjs;
  teamWorkerIds: string[];
  patentNumbers: string[];
  summary?: string;
};

const shape = SubmitAchievementSchema.shape;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** A unit submits its workers' achievement: the team from the registry (the first named leads it). */
export function SubmitAchievementModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { rules, fieldErrors } = useZodRules();
  const actor = useActor();
  const [form] = Form.useForm<SubmitValues>();
  const submit = useSubmitAchievement();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const orgId = Form.useWatch('orgId', form);
  const ownOrg = actor.role === 'enterprise_hr' ? { id: actor.orgId, name: actor.orgName } : undefined;

  const onFinish = (v: SubmitValues) => {
    const input = {
      title: v.title?.trim(),
      kind: v.kind,
      orgId: v.orgId,
      studioId: v.studioId ?? null,
      startedOn: day(v.startedOn),
      submittedOn: day(v.submittedOn),
      teamWorkerIds: v.teamWorkerIds ?? [],
      patentNumbers: (v.patentNumbers ?? []).map((p) => p.trim()).filter(Boolean),
      summary: v.summary?.trim() || null,
    };
    const problems = fieldErrors(SubmitAchievementSchema, input).map((p) => ({ ...p, name: p.name.slice(0, 1) }));
    if (problems.length) {
      form.setFields(problems as Parameters<typeof form.setFields>[0]);
      return;
    }
    submit.mutate(SubmitAchievementSchema.parse(input), {
      onSuccess: (created) => {
        void message.success(t('skills.achievement.submitted', { title: created.title }));
        onClose();
        void navigate(`/skills/innovation/${created.id}`);
      },
      onError,
    });
  };

  return (
    <Modal
      open
      title={t('skills.achievement.submitTitle')}
      okText={t('skills.achievement.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      destroyOnHidden
      width={760}
    >
      <Form<SubmitValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
        initialValues={{ kind: 'innovation', orgId: ownOrg?.id, submittedOn: dayjs(), teamWorkerIds: [], patentNumbers: [] }}
        onValuesChange={(changed: Partial<SubmitValues>) => {
          if ('orgId' in changed) form.setFieldValue('teamWorkerIds', []);
        }}
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={t('skills.innovation.achievementTitle')} rules={rules(shape.title)}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('skills.innovation.kind')} rules={rules(shape.kind)}>
              <Select options={ACHIEVEMENT_KINDS.map((k) => ({ value: k, label: t(`skills.achievementKinds.${k}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="orgId" label={t('skills.innovation.org')} rules={rules(shape.orgId)}>
              <OrgPicker valueOrg={ownOrg} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="studioId" label={t('skills.innovation.studio')}>
              <CarrierPicker kinds={['innovation_studio', 'master_studio']} placeholder={t('skills.achievement.studioPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="teamWorkerIds"
          label={t('skills.achievement.team')}
          rules={rules(shape.teamWorkerIds)}
          extra={t('skills.achievement.teamHint')}
        >
          <WorkerPicker multiple orgId={orgId} disabled={!orgId} aria-label={t('skills.achievement.team')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="startedOn" label={t('skills.achievement.startedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="submittedOn"
              label={t('skills.innovation.submittedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="patentNumbers"
              label={t('skills.innovation.patents')}
              rules={rules(shape.patentNumbers)}
              extra={t('skills.achievement.patentsHint')}
            >
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} placeholder="ZL202310123456.7" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('skills.achievement.summary')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EvaluateValues = { decision: 'evaluate' | 'reject'; benefitYuan?: number; evaluation?: string; evaluatedOn?: Dayjs };

/** The evaluation of a submitted achievement: its assessed economic benefit, or a reason it is not taken up. */
export function EvaluateModal({ achievement, onClose }: { achievement: AchievementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EvaluateValues>();
  const evaluate = useEvaluateAchievement();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const decision = Form.useWatch('decision', form) ?? 'evaluate';
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t('skills.achievement.evaluateTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={evaluate.isPending}
      destroyOnHidden
    >
      <Form<EvaluateValues>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'evaluate', evaluatedOn: dayjs(), benefitYuan: 0 }}
        onFinish={(v) =>
          evaluate.mutate(
            {
              achievementId: achievement.id,
              input:
                v.decision === 'evaluate'
                  ? {
                      decision: 'evaluate',
                      benefitYuan: v.benefitYuan ?? 0,
                      evaluation: v.evaluation?.trim() ?? '',
                      evaluatedOn: day(v.evaluatedOn) ?? '',
                    }
                  : { decision: 'reject', evaluation: v.evaluation?.trim() ?? '', evaluatedOn: day(v.evaluatedOn) ?? '' },
            },
            {
              onSuccess: () => {
                void message.success(t(v.decision === 'evaluate' ? 'skills.achievement.evaluated' : 'skills.achievement.rejected'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'evaluate', label: t('skills.achievement.decisionEvaluate') },
              { value: 'reject', label: t('skills.achievement.decisionReject') },
            ]}
          />
        </Form.Item>
        {decision === 'evaluate' ? (
          <Form.Item name="benefitYuan" label={t('skills.innovation.benefit')} rules={required}>
            <InputNumber min={0} max={1e13} precision={0} style={{ width: 220 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="evaluation"
          label={decision === 'evaluate' ? t('skills.achievement.evaluation') : t('skills.carriers.reason')}
          rules={[...required, { whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="evaluatedOn" label={t('skills.achievement.evaluatedOn')} rules={required}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An evaluated achievement put into use. */
export function AdoptModal({ achievement, onClose }: { achievement: AchievementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ adoptedOn: Dayjs }>();
  const evaluate = useEvaluateAchievement();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('skills.achievement.adoptTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={evaluate.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ adoptedOn: dayjs() }}
        onFinish={(v) =>
          evaluate.mutate(
            { achievementId: achievement.id, input: { decision: 'adopt', adoptedOn: v.adoptedOn.format('YYYY-MM-DD') } },
            {
              onSuccess: () => {
                void message.success(t('skills.achievement.adopted'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="adoptedOn"
          label={t('skills.achievement.adoptedOn')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
