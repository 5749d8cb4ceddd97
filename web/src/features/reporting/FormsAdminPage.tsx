import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Assignments,
  type CreateReportedElement,
  type DataElement,
  PERIOD_TYPES,
  type ReportForm,
  RULE_OPERATORS,
  type SaveReportForm,
  VALUE_TYPES,
} from '@changai/contracts';
import { App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../app/use-api-error';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { useOrg } from '../orgs/use-orgs';
import { useFormName } from './reporting-tags';
import {
  useAssignments,
  useCreateElement,
  useDivisionOrgs,
  useReportedElements,
  useReportForms,
  useSaveForm,
  useSetAssignments,
  useUpdateElement,
} from './use-reporting';

/** 报表管理: the province admin's reported elements and report forms with their rules and assigned units. */
export function FormsAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'elements' ? 'elements' : 'forms';
  return (
    <>
      <PageHeader title={t('reporting.admin.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'elements' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'forms', label: t('reporting.admin.forms'), children: <FormsTab /> },
          { key: 'elements', label: t('reporting.admin.elements'), children: <ElementsTab /> },
        ]}
      />
    </>
  );
}

function FormsTab() {
  const { t } = useTranslation();
  const forms = useReportForms();
  const formName = useFormName();
  const [editing, setEditing] = useState<ReportForm | 'new'>();
  const [assigning, setAssigning] = useState<ReportForm>();
  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('reporting.admin.addForm')}
        </Button>
      }
    >
      <Table<ReportForm>
        rowKey="id"
        loading={forms.isPending}
        dataSource={forms.data?.items ?? []}
        pagination={false}
        columns={[
          { key: 'name', title: t('reporting.inbox.form'), render: (_, f) => formName(f) },
          { key: 'code', title: t('reporting.admin.code'), dataIndex: 'code', width: 160 },
          { key: 'type', title: t('reporting.admin.periodType'), width: 90, render: (_, f) => t(`reporting.periodTypes.${f.periodType}`) },
          {
            key: 'deadline',
            width: 170,
            title: t('reporting.admin.deadlineShort'),
            render: (_, f) => t('reporting.admin.deadline', { days: f.deadlineDays }),
          },
          { key: 'elements', title: t('reporting.admin.formElements'), width: 90, render: (_, f) => f.elements.length },
          { key: 'rules', title: t('reporting.admin.rules'), width: 90, render: (_, f) => f.rules.length },
          {
            key: 'assigned',
            title: t('reporting.admin.assignments'),
            width: 130,
            render: (_, f) => (
              <Button type="link" size="small" onClick={() => setAssigning(f)}>
                {t('reporting.admin.assignedCount', { count: f.assignedCount })}
              </Button>
            ),
          },
          {
            key: 'active',
            width: 80,
            render: (_, f) =>
              f.isActive ? <Tag color="success">{t('reporting.admin.active')}</Tag> : <Tag>{t('reporting.admin.inactive')}</Tag>,
          },
          {
            key: 'edit',
            width: 70,
            render: (_, f) => (
              <Button type="link" size="small" onClick={() => setEditing(f)}>
                {t('reporting.admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing ? <FormModal form={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
      {assigning ? <AssignmentsDrawer form={assigning} onClose={() => setAssigning(undefined)} /> : null}
    </Card>
  );
}

function FormModal({ form, onClose }: { form?: ReportForm; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const [antForm] = Form.useForm<SaveReportForm>();
  const onError = useApiErrorHandler(antForm);
  const { message } = App.useApp();
  const elements = useReportedElements();
  const save = useSaveForm();
  const codes: string[] = Form.useWatch('elementCodes', antForm) ?? [];
  const label = (e: DataElement) => `${isEn ? e.nameEn : e.nameZh}（${e.code}）`;
  const available = (elements.data?.items ?? []).filter((e) => !e.formCode || e.formCode === form?.code);
  const onForm = available.filter((e) => codes.includes(e.code));
  return (
    <Modal
      open
      width={760}
      title={form ? t('reporting.admin.editForm') : t('reporting.admin.addForm')}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() =>
        // Every stored value, not only the fields on screen (a rule's message in the other language).
        antForm.validateFields().then(() => {
          const input = antForm.getFieldsValue(true) as SaveReportForm;
          save.mutate(
            { formId: form?.id, input: { ...input, rules: input.rules ?? [] } },
            {
              onSuccess: () => {
                void message.success(t('reporting.admin.saved'));
                onClose();
              },
              onError,
            },
          );
        })
      }
    >
      <Form<SaveReportForm>
        form={antForm}
        layout="vertical"
        initialValues={
          form
            ? { ...form, elementCodes: form.elements.map((e) => e.code) }
            : { periodType: 'quarter', deadlineDays: 15, firstPeriod: '2026-Q1', isActive: true, elementCodes: [], rules: [] }
        }
      >
        <Flex gap={12}>
          <Form.Item
            name="code"
            label={t('reporting.admin.code')}
            extra={t('reporting.admin.codeHint')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Input disabled={Boolean(form)} />
          </Form.Item>
          <Form.Item name="isActive" label={t('reporting.admin.isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="nameZh" label={t('reporting.admin.nameZh')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('reporting.admin.nameEn')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="periodType" label={t('reporting.admin.periodType')} style={{ flex: 1 }}>
            <Select disabled={Boolean(form)} options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`reporting.periodTypes.${p}`) }))} />
          </Form.Item>
          <Form.Item name="firstPeriod" label={t('reporting.admin.firstPeriod')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input placeholder="2026-Q1" />
          </Form.Item>
          <Form.Item name="deadlineDays" label={t('reporting.admin.deadlineDays')} style={{ flex: 1 }}>
            <InputNumber min={0} max={366} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="elementCodes" label={t('reporting.admin.formElements')} rules={[{ required: true }]}>
          <Select mode="multiple" options={available.map((e) => ({ value: e.code, label: label(e) }))} />
        </Form.Item>
        <Typography.Text strong>{t('reporting.admin.rules')}</Typography.Text>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'leftCode']} rules={[{ required: true }]} style={{ flex: 2, marginBottom: 0 }}>
                    <Select options={onForm.map((e) => ({ value: e.code, label: isEn ? e.nameEn : e.nameZh }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'operator']} rules={[{ required: true }]} style={{ width: 80, marginBottom: 0 }}>
                    <Select options={RULE_OPERATORS.map((o) => ({ value: o, label: o }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'rightCode']} rules={[{ required: true }]} style={{ flex: 2, marginBottom: 0 }}>
                    <Select options={onForm.map((e) => ({ value: e.code, label: isEn ? e.nameEn : e.nameZh }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, isEn ? 'messageEn' : 'messageZh']} style={{ flex: 3, marginBottom: 0 }}>
                    <Input placeholder={isEn ? t('reporting.admin.ruleMessageEn') : t('reporting.admin.ruleMessageZh')} />
                  </Form.Item>
                  <Button aria-label={t('reporting.admin.removeOrg')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ operator: '>=', messageZh: '', messageEn: '' })}
                style={{ alignSelf: 'start' }}
              >
                {t('reporting.admin.addRule')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function AssignmentsDrawer({ form, onClose }: { form: ReportForm; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const formName = useFormName();
  const current = useAssignments(form.id);
  const [orgs, setOrgs] = useState<Assignments['orgs']>();
  const [wantsDivisions, setWantsDivisions] = useState(false);
  const divisions = useDivisionOrgs(wantsDivisions);
  const save = useSetAssignments();
  const list = orgs ?? current.data?.orgs ?? [];
  const add = (more: Assignments['orgs']) => setOrgs([...list, ...more.filter((o) => !list.some((x) => x.id === o.id))]);
  const loaded = wantsDivisions ? divisions.data : undefined;
  useEffect(() => {
    if (!loaded) return;
    setOrgs((prev) => {
      const base = prev ?? current.data?.orgs ?? [];
      return [...base, ...loaded.filter((o) => !base.some((x) => x.id === o.id)).map((o) => ({ ...o, parentName: null }))];
    });
    setWantsDivisions(false);
  }, [loaded, current.data]);
  return (
    <Drawer
      open
      size={640}
      title={`${formName(form)} · ${t('reporting.admin.assignments')}`}
      onClose={onClose}
      extra={
        <Button
          type="primary"
          disabled={!orgs}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { formId: form.id, orgIds: list.map((o) => o.id) },
              {
                onSuccess: () => {
                  void message.success(t('reporting.admin.assignmentsSaved'));
                  onClose();
                },
                onError,
              },
            )
          }
        >
          {t('reporting.admin.saveAssignments')}
        </Button>
      }
    >
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        <OrgPicker
          style={{ width: 280 }}
          aria-label={t('reporting.admin.addOrg')}
          placeholder={t('reporting.admin.addOrg')}
          value={null}
          onChange={(id) => {
            if (id) add([{ id, code: '', name: t('reporting.admin.newOrg'), kind: 'other', parentName: null }]);
          }}
        />
        <Button onClick={() => setWantsDivisions(true)} loading={divisions.isFetching}>
          {t('reporting.admin.addPrefecturesCounties')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('reporting.admin.assignedCount', { count: list.length })}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        loading={current.isPending}
        dataSource={list}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('reporting.inbox.org'), render: (_, o) => (o.code ? o.name : <OrgName orgId={o.id} />) },
          { key: 'code', title: t('reporting.admin.code'), dataIndex: 'code', width: 110 },
          { key: 'parent', title: t('fields.parentName'), dataIndex: 'parentName', width: 140 },
          {
            key: 'remove',
            width: 60,
            render: (_, o) => (
              <Button
                size="small"
                type="text"
                aria-label={t('reporting.admin.removeOrg')}
                icon={<DeleteOutlined />}
                onClick={() => setOrgs(list.filter((x) => x.id !== o.id))}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}

function ElementsTab() {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const elements = useReportedElements();
  const [editing, setEditing] = useState<DataElement | 'new'>();
  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('reporting.admin.addElement')}
        </Button>
      }
    >
      <Table
        rowKey="code"
        loading={elements.isPending}
        dataSource={elements.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('reporting.entry.element'), render: (_, e) => (isEn ? e.nameEn : e.nameZh) },
          { key: 'code', title: t('reporting.admin.code'), dataIndex: 'code', width: 200 },
          { key: 'unit', title: t('reporting.entry.unit'), width: 90, render: (_, e) => (isEn ? e.unitEn : e.unitZh) },
          { key: 'type', title: t('reporting.admin.valueType'), width: 100, render: (_, e) => t(`reporting.valueTypes.${e.valueType}`) },
          {
            key: 'range',
            title: t('reporting.admin.range'),
            width: 150,
            render: (_, e) => `${e.minValue ?? '−∞'} ~ ${e.maxValue ?? '+∞'}`,
          },
          { key: 'form', title: t('reporting.admin.onForm'), dataIndex: 'formCode', width: 160 },
          {
            key: 'edit',
            width: 70,
            render: (_, e) => (
              <Button type="link" size="small" onClick={() => setEditing(e)}>
                {t('reporting.admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing ? <ElementModal element={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
    </Card>
  );
}

function ElementModal({ element, onClose }: { element?: DataElement; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateReportedElement>();
  const onError = useApiErrorHandler(form);
  const { message } = App.useApp();
  const create = useCreateElement();
  const update = useUpdateElement();
  const done = {
    onSuccess: () => {
      void message.success(t('reporting.admin.saved'));
      onClose();
    },
    onError,
  };
  return (
    <Modal
      open
      title={element ? t('reporting.admin.editElement') : t('reporting.admin.addElement')}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      onOk={() =>
        form.validateFields().then(() => {
          // Every stored value, not only the fields on screen (the descriptions).
          const values = form.getFieldsValue(true) as CreateReportedElement;
          const input = { ...values, minValue: values.minValue ?? null, maxValue: values.maxValue ?? null };
          if (element) {
            const { code: _code, ...rest } = input;
            update.mutate({ code: element.code, input: rest }, done);
          } else create.mutate(input, done);
        })
      }
    >
      <Form<CreateReportedElement>
        form={form}
        layout="vertical"
        initialValues={element ?? { valueType: 'integer', minValue: 0, maxValue: null, unitZh: '', unitEn: '' }}
      >
        <Form.Item name="code" label={t('reporting.admin.code')} extra={t('reporting.admin.codeHint')} rules={[{ required: true }]}>
          <Input disabled={Boolean(element)} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="nameZh" label={t('reporting.admin.nameZh')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('reporting.admin.nameEn')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="unitZh" label={t('reporting.admin.unitZh')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="unitEn" label={t('reporting.admin.unitEn')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="valueType" label={t('reporting.admin.valueType')} style={{ flex: 1 }}>
            <Select options={VALUE_TYPES.map((v) => ({ value: v, label: t(`reporting.valueTypes.${v}`) }))} />
          </Form.Item>
          <Form.Item name="minValue" label={t('reporting.admin.minValue')} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="maxValue" label={t('reporting.admin.maxValue')} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** The name of an org just picked, before the saved assignment lists it. */
function OrgName({ orgId }: { orgId: string }) {
  const org = useOrg(orgId);
  return <>{org.data?.name ?? '…'}</>;
}
