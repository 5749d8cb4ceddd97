import { type Demand, SaveDemandSchema, TRAINING_LEVELS } from '@changai/contracts';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';
import { useZodRules } from '../../app/use-zod-rules';
import { OrgPicker } from '../../components/OrgPicker';
import { useActor, useCan } from '../auth/use-session';
import { labelOf } from '../workers/credential-labels';
import { useDemands, useSaveDemand } from './use-skills';

type Values = {
  orgId?: string;
  industryDivision?: string;
  occupationCode?: string;
  level?: (typeof TRAINING_LEVELS)[number];
  needed?: number;
  asOf?: Dayjs;
};

const shape = SaveDemandSchema.shape;

/**
 * 技能人才需求填报: a unit says how many people it needs per occupation and level; entering the
 * same occupation and level again updates the figure, and the gaps above follow.
 */
export function DemandCard() {
  const { t } = useTranslation();
  const { rules } = useZodRules();
  const actor = useActor();
  const canManage = useCan('demand:manage');
  const demands = useDemands();
  const save = useSaveDemand();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const ownOrg = actor.role === 'enterprise_hr' ? { id: actor.orgId, name: actor.orgName } : undefined;

  const edit = (d: Demand) =>
    form.setFieldsValue({
      orgId: d.org.id,
      industryDivision: d.industryDivision,
      occupationCode: d.occupationCode,
      level: d.level,
      needed: d.needed,
      asOf: dayjs(d.asOf),
    });

  return (
    <Card title={t('skills.demand.title')} style={{ marginBottom: 16 }}>
      {canManage ? (
        <Form<Values>
          form={form}
          layout="vertical"
          aria-label={t('skills.demand.form')}
          initialValues={{ orgId: ownOrg?.id, asOf: dayjs(), needed: 1 }}
          onFinish={(v) =>
            save.mutate(
              {
                orgId: v.orgId ?? '',
                industryDivision: v.industryDivision?.trim() ?? '',
                occupationCode: v.occupationCode?.trim() ?? '',
                level: v.level ?? 'senior',
                needed: v.needed ?? 1,
                asOf: (v.asOf ?? dayjs()).format('YYYY-MM-DD'),
              },
              {
                onSuccess: () => {
                  void message.success(t('skills.demand.saved'));
                  form.resetFields(['occupationCode', 'needed']);
                },
                onError,
              },
            )
          }
        >
          <Row gutter={12} align="bottom">
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="orgId" label={t('skills.demand.org')} rules={rules(shape.orgId)}>
                <OrgPicker valueOrg={ownOrg} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item name="industryDivision" label={t('skills.demand.industryDivision')} rules={rules(shape.industryDivision)}>
                <Input maxLength={2} placeholder="36" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="occupationCode" label={t('skills.alignment.occupation')} rules={rules(shape.occupationCode)}>
                <Input maxLength={10} placeholder="6-18-02-04" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item name="level" label={t('skills.alignment.level')} rules={rules(shape.level)}>
                <Select options={TRAINING_LEVELS.map((l) => ({ value: l, label: labelOf(t, 'skillLevels', l) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={2}>
              <Form.Item name="needed" label={t('skills.demand.needed')} rules={rules(shape.needed)}>
                <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item name="asOf" label={t('skills.demand.asOf')} rules={[{ required: true, message: t('validation.required') }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending} block>
                  {t('skills.demand.save')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : null}
      <Table<Demand>
        size="small"
        rowKey="id"
        loading={demands.isPending}
        dataSource={demands.data?.items ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('skills.alignment.noDemand') }}
        columns={[
          { key: 'org', title: t('skills.demand.org'), ellipsis: true, render: (_, d) => d.org.name },
          { key: 'division', title: t('skills.demand.industryDivision'), width: 90, dataIndex: 'industryDivision' },
          { key: 'occupation', title: t('skills.alignment.occupation'), width: 120, dataIndex: 'occupationCode' },
          { key: 'level', title: t('skills.alignment.level'), width: 140, render: (_, d) => labelOf(t, 'skillLevels', d.level) },
          { key: 'needed', title: t('skills.demand.needed'), width: 90, align: 'right', render: (_, d) => d.needed.toLocaleString() },
          { key: 'asOf', title: t('skills.demand.asOf'), width: 110, dataIndex: 'asOf' },
          ...(canManage
            ? [
                {
                  key: 'edit',
                  title: t('common.actions'),
                  width: 80,
                  render: (_: unknown, d: Demand) => (
                    <Button type="link" size="small" onClick={() => edit(d)}>
                      {t('skills.demand.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
