import type { CarrierDetail } from '@changai/contracts';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useDecideCarrierReview, useFileCarrierReview, useRecogniseCarrier, useRevokeCarrier } from './use-skills';

const required = (message: string) => [{ required: true, message }];
const isoDate = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The office's decision on an application: recognise with a document number, or reject with a reason. */
export function RecognitionModal({ carrier, onClose }: { carrier: CarrierDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ approve: boolean; documentNumber?: string; recognisedOn?: Dayjs; reason?: string }>();
  const approve = Form.useWatch('approve', form) ?? true;
  const recognise = useRecogniseCarrier();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('skills.carriers.recogniseTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={recognise.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approve: true, recognisedOn: dayjs() }}
        onFinish={(v) =>
          recognise.mutate(
            {
              carrierId: carrier.id,
              input: v.approve
                ? { approve: true, documentNumber: v.documentNumber ?? '', recognisedOn: isoDate(v.recognisedOn ?? dayjs()) }
                : { approve: false, reason: v.reason ?? '' },
            },
            {
              onSuccess: () => {
                void message.success(t(v.approve ? 'skills.carriers.recognised' : 'skills.carriers.rejected'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="approve">
          <Radio.Group
            options={[
              { value: true, label: t('skills.carriers.recognise') },
              { value: false, label: t('skills.carriers.reject') },
            ]}
          />
        </Form.Item>
        {approve ? (
          <>
            <Form.Item name="documentNumber" label={t('skills.carriers.documentNumber')} rules={required(t('validation.required'))}>
              <Input maxLength={100} placeholder="鄂人社函〔2026〕12号" />
            </Form.Item>
            <Form.Item name="recognisedOn" label={t('skills.carriers.recognisedOn')} rules={required(t('validation.required'))}>
              <DatePicker />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('skills.carriers.reason')} rules={required(t('validation.required'))}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

type ReviewValues = {
  year: number;
  peopleTrained: number;
  certificatesGained: number;
  innovations: number;
  benefitYuan: number;
  summary?: string;
};

/** The host's yearly review material: people trained, certificates, innovations, benefit. */
export function FileReviewModal({ carrier, onClose }: { carrier: CarrierDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  const file = useFileCarrierReview();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const numberItem = (name: keyof ReviewValues, label: string) => (
    <Form.Item name={name} label={label} rules={required(t('validation.required'))}>
      <InputNumber min={0} precision={0} style={{ width: 200 }} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t('skills.carriers.fileReview')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={file.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: dayjs().year() - 1, peopleTrained: 0, certificatesGained: 0, innovations: 0, benefitYuan: 0 }}
        onFinish={(v) =>
          file.mutate(
            { carrierId: carrier.id, input: { ...v, summary: v.summary?.trim() || null } },
            {
              onSuccess: () => {
                void message.success(t('skills.carriers.reviewFiled'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="year" label={t('skills.carriers.year')} rules={required(t('validation.required'))}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        {numberItem('peopleTrained', t('skills.overview.peopleTrained'))}
        {numberItem('certificatesGained', t('skills.overview.certificatesGained'))}
        {numberItem('innovations', t('skills.overview.innovations'))}
        {numberItem('benefitYuan', t('skills.overview.benefitYuan'))}
        <Form.Item name="summary" label={t('skills.carriers.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The office's conclusion on a filed yearly review. */
export function DecideReviewModal({ carrier, onClose }: { carrier: CarrierDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; result: 'passed' | 'failed'; comment?: string }>();
  const decide = useDecideCarrierReview();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const undecided = carrier.reviews.filter((r) => !r.result);
  return (
    <Modal
      open
      title={t('skills.carriers.decideReview')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: undecided[0]?.year, result: 'passed' }}
        onFinish={(v) =>
          decide.mutate(
            { carrierId: carrier.id, input: { ...v, comment: v.comment?.trim() || null } },
            {
              onSuccess: () => {
                void message.success(t('skills.carriers.reviewDecided'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="year" label={t('skills.carriers.year')} rules={required(t('validation.required'))}>
          <Select style={{ width: 120 }} options={undecided.map((r) => ({ value: r.year, label: String(r.year) }))} />
        </Form.Item>
        <Form.Item name="result" label={t('skills.carriers.result')}>
          <Radio.Group
            options={[
              { value: 'passed', label: t('skills.reviewResults.passed') },
              { value: 'failed', label: t('skills.reviewResults.failed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('skills.carriers.comment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RevokeModal({ carrier, onClose }: { carrier: CarrierDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; revokedOn: Dayjs }>();
  const revoke = useRevokeCarrier();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('skills.carriers.revoke')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={revoke.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ revokedOn: dayjs() }}
        onFinish={(v) =>
          revoke.mutate(
            { carrierId: carrier.id, input: { reason: v.reason, revokedOn: isoDate(v.revokedOn) } },
            {
              onSuccess: () => {
                void message.success(t('skills.carriers.revoked'));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="reason" label={t('skills.carriers.revokedReason')} rules={required(t('validation.required'))}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="revokedOn" label={t('skills.carriers.revokedOn')} rules={required(t('validation.required'))}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
