import { type ConditionInput, PATHWAY_CHANNELS, type RuleSetInput } from '@changai/contracts';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { validateRuleText } from '../../api/conversion.api';
import { labelOf } from '../workers/credential-labels';
import { usePick, useRuleSet, useSaveRuleDefinition } from './use-conversion';

type Path = (string | number)[];
type Problem = { path: string; message: string };

/** A copy of `root` with the value at `path` replaced (or removed, when undefined). */
function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...(root as object) };
  const next = setIn((root as Record<string | number, unknown>)[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string | number, unknown>)[head];
  else (copy as Record<string | number, unknown>)[head] = next;
  return copy as T;
}

const LEVEL_TABLES = {
  skill_level: 'skillLevels',
  title: 'titleLevels',
  academic: 'academicLevels',
  one_plus_x: 'onePlusXLevels',
} as const;

type Editing = {
  update(path: Path, value: unknown): void;
  errorAt(path: Path): string | undefined;
  parameters: { value: string; label: string }[];
};

/** A labelled control whose schema problem, if any, shows right under it. */
function Field({ label, path, editing, children }: { label: ReactNode; path: Path; editing: Editing; children: ReactNode }) {
  const error = editing.errorAt(path);
  return (
    <Form.Item label={label} validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 8 }}>
      {children}
    </Form.Item>
  );
}

/** Years: a fixed number, or one of the rule set's parameters (which a what-if can vary). */
function YearsField({ value, path, editing, label }: { value: unknown; path: Path; editing: Editing; label: string }) {
  const { t } = useTranslation();
  const years = value as number | { param: string } | undefined;
  const mode = years === undefined ? '' : typeof years === 'number' ? '#' : years.param;
  return (
    <Field label={label} path={path} editing={editing}>
      <Space.Compact>
        <Select
          aria-label={`${label}：${t('conversion.form.yearsSource')}`}
          style={{ minWidth: 200 }}
          value={mode}
          onChange={(m) => editing.update(path, m === '' ? undefined : m === '#' ? 0 : { param: m })}
          options={[
            { value: '', label: t('conversion.form.noYears') },
            { value: '#', label: t('conversion.form.fixedYears') },
            ...editing.parameters,
          ]}
        />
        {typeof years === 'number' ? (
          <InputNumber
            aria-label={label}
            min={0}
            max={60}
            value={years}
            onChange={(n) => editing.update(path, n ?? 0)}
            addonAfter={t('conversion.form.years')}
          />
        ) : null}
      </Space.Compact>
    </Field>
  );
}

function ConditionEditor({ value, path, editing }: { value: ConditionInput; path: Path; editing: Editing }) {
  const { t } = useTranslation();
  const box = { border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', background: '#fafafa' };
  switch (value.type) {
    case 'allOf':
    case 'anyOf': {
      const children = value.conditions;
      return (
        <div style={box}>
          <Typography.Text strong>{t(`conversion.form.${value.type}`)}</Typography.Text>
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {children.map((child, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids, and the editors hold no state of their own
              <Flex key={i} gap={8} align="start">
                <div style={{ flex: 1 }}>
                  <ConditionEditor value={child} path={[...path, 'conditions', i]} editing={editing} />
                </div>
                {children.length > 1 ? (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      editing.update(
                        [...path, 'conditions'],
                        children.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('conversion.form.remove')}
                  </Button>
                ) : null}
              </Flex>
            ))}
          </Flex>
          <Button
            size="small"
            style={{ marginTop: 8 }}
            onClick={() => editing.update([...path, 'conditions'], [...children, { type: 'holds', kind: 'honor', names: [] }])}
          >
            {t('conversion.form.addAlternative')}
          </Button>
          {editing.errorAt([...path, 'conditions']) ? (
            <Typography.Text type="danger"> {editing.errorAt([...path, 'conditions'])}</Typography.Text>
          ) : null}
        </div>
      );
    }
    case 'not':
      return (
        <div style={box}>
          <Typography.Text strong>{t('conversion.form.not')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <ConditionEditor value={value.condition} path={[...path, 'condition']} editing={editing} />
          </div>
        </div>
      );
    case 'frontline':
    case 'occupation':
      return (
        <div style={box}>
          <Tag>{t(`conversion.form.${value.type}`)}</Tag>
        </div>
      );
    case 'workYears':
      return (
        <div style={box}>
          <Tag>{t('conversion.form.workYears')}</Tag>
          <YearsField value={value.years} path={[...path, 'years']} editing={editing} label={t('conversion.form.yearsOfWork')} />
        </div>
      );
    case 'holds':
      return <HoldsEditor value={value} path={path} editing={editing} />;
  }
}

function HoldsEditor({ value, path, editing }: { value: Extract<ConditionInput, { type: 'holds' }>; path: Path; editing: Editing }) {
  const { t } = useTranslation();
  const table = value.kind === 'honor' ? undefined : LEVEL_TABLES[value.kind];
  const levelOptions = useMemo(() => {
    if (!table) return [];
    const labels = t(table, { returnObjects: true }) as Record<string, string>;
    return Object.keys(labels).map((code) => ({ value: code, label: labelOf(t, table, code) }));
  }, [t, table]);
  const ranked = value.kind === 'skill_level' || value.kind === 'title';
  const kindLabel = labelOf(t, 'credentialKinds', value.kind);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', background: '#fafafa' }}>
      <Tag color="blue">{t('conversion.form.holds', { kind: kindLabel })}</Tag>
      <Row gutter={12}>
        {ranked && !value.levels ? (
          <Col xs={24} md={12}>
            <Field label={t('conversion.form.minLevel')} path={[...path, 'minLevel']} editing={editing}>
              <Select
                aria-label={t('conversion.form.minLevel')}
                allowClear
                value={value.minLevel}
                options={levelOptions}
                onChange={(v) => editing.update([...path, 'minLevel'], v ?? undefined)}
              />
            </Field>
          </Col>
        ) : null}
        {value.kind === 'honor' ? (
          <Col xs={24}>
            <Field label={t('conversion.form.names')} path={[...path, 'names']} editing={editing}>
              <Select
                aria-label={t('conversion.form.names')}
                mode="tags"
                value={value.names ?? []}
                onChange={(v) => editing.update([...path, 'names'], v)}
                tokenSeparators={['，', ',']}
              />
            </Field>
          </Col>
        ) : !ranked || value.levels ? (
          <Col xs={24} md={12}>
            <Field label={t('conversion.form.levels')} path={[...path, 'levels']} editing={editing}>
              <Select
                aria-label={t('conversion.form.levels')}
                mode="multiple"
                value={value.levels ?? []}
                options={levelOptions}
                onChange={(v) => editing.update([...path, 'levels'], v)}
              />
            </Field>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <YearsField value={value.years} path={[...path, 'years']} editing={editing} label={t('conversion.form.yearsHeld')} />
        </Col>
        {value.years !== undefined ? (
          <Col xs={24} md={12}>
            <Field label={t('conversion.form.yearsOf')} path={[...path, 'yearsOf']} editing={editing}>
              <Select
                aria-label={t('conversion.form.yearsOf')}
                value={value.yearsOf ?? 'holding'}
                onChange={(v) => editing.update([...path, 'yearsOf'], v === 'holding' ? undefined : v)}
                options={[
                  { value: 'holding', label: t('conversion.form.yearsOfHolding') },
                  { value: 'work', label: t('conversion.form.yearsOfWork') },
                ]}
              />
            </Field>
          </Col>
        ) : null}
        {ranked ? (
          <Col xs={24} md={12}>
            <Checkbox
              checked={value.related === true}
              onChange={(e) => editing.update([...path, 'related'], e.target.checked || undefined)}
            >
              {t('conversion.form.related')}
            </Checkbox>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}

function Bilingual({
  label,
  path,
  editing,
  value,
  area,
}: {
  label: string;
  path: Path;
  editing: Editing;
  value: { zh: string; en: string } | undefined;
  area?: boolean;
}) {
  const Control = area ? Input.TextArea : Input;
  return (
    <Row gutter={12}>
      {(['zh', 'en'] as const).map((lang) => (
        <Col xs={24} md={12} key={lang}>
          <Field label={`${label}（${lang === 'zh' ? '中文' : 'English'}）`} path={[...path, lang]} editing={editing}>
            <Control
              aria-label={`${label}（${lang === 'zh' ? '中文' : 'English'}）`}
              value={value?.[lang] ?? ''}
              onChange={(e) => editing.update(path, { zh: value?.zh ?? '', en: value?.en ?? '', [lang]: e.target.value })}
            />
          </Field>
        </Col>
      ))}
    </Row>
  );
}

/**
 * The form editor: a rule's parameters, years, levels, alternatives and metadata. Each change is
 * checked by the server against the same schema and cross-references as the text editor, and its
 * problems show beside the control; saving makes a new, audited version.
 */
export function RuleForm({ ruleSetId }: { ruleSetId: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const { message } = App.useApp();
  const query = useRuleSet(ruleSetId);
  const save = useSaveRuleDefinition();
  const [draft, setDraft] = useState<RuleSetInput | null>(null);
  const [pathwayId, setPathwayId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checking, setChecking] = useState(false);
  const [isDirty, setDirty] = useState(false);

  useEffect(() => {
    if (!query.data) return;
    setDraft(structuredClone(query.data.definition));
    setPathwayId((id) => id ?? query.data.definition.pathways[0]?.id);
    setProblems([]);
    setDirty(false);
  }, [query.data]);

  useEffect(() => {
    if (!draft || !isDirty) return;
    let live = true;
    setChecking(true);
    const timer = setTimeout(async () => {
      const result = await validateRuleText('json', JSON.stringify(draft)).catch(() => null);
      if (!live) return;
      setChecking(false);
      if (result) setProblems(result.problems.map((p) => ({ path: p.path, message: p.message })));
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, isDirty]);

  if (!draft) return null;
  const index = Math.max(
    0,
    draft.pathways.findIndex((p) => p.id === pathwayId),
  );
  const pathway = draft.pathways[index]!;
  const editing: Editing = {
    update: (path, value) => {
      setDirty(true);
      setDraft((d) => (d ? setIn(d, path, value) : d));
    },
    errorAt: (path) => problems.find((p) => p.path === path.join('.'))?.message,
    parameters: draft.parameters.map((p) => ({ value: p.key, label: `${t('conversion.form.parameter')}：${pick(p.description)}` })),
  };
  const base: Path = ['pathways', index];

  return (
    <Form layout="vertical" component="div">
      <Flex vertical gap={12}>
        {problems.length ? (
          <Alert
            type="error"
            showIcon
            title={t('conversion.problems', { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.slice(0, 20).map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    <Typography.Text type="secondary">{p.path}</Typography.Text> {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Card size="small" title={t('conversion.form.ruleSet')}>
          <Bilingual label={t('conversion.form.name')} path={['name']} editing={editing} value={draft.name} />
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field label={t('conversion.effectiveFrom')} path={['effectiveFrom']} editing={editing}>
                <Input
                  aria-label={t('conversion.effectiveFrom')}
                  value={draft.effectiveFrom}
                  onChange={(e) => editing.update(['effectiveFrom'], e.target.value)}
                />
              </Field>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('conversion.parameters')}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={draft.parameters.map((p, i) => ({ ...p, i }))}
            columns={[
              { key: 'd', title: t('conversion.form.parameter'), render: (_, p) => pick(p.description) },
              {
                key: 'v',
                title: t('conversion.form.years'),
                width: 150,
                render: (_, p) => (
                  <Field label={null} path={['parameters', p.i, 'value']} editing={editing}>
                    <InputNumber
                      aria-label={p.key}
                      min={0}
                      max={60}
                      value={p.value}
                      onChange={(n) => editing.update(['parameters', p.i, 'value'], n ?? 0)}
                    />
                  </Field>
                ),
              },
              {
                key: 'c',
                title: t('conversion.form.confidence'),
                width: 170,
                render: (_, p) => (
                  <Select
                    aria-label={`${p.key}：${t('conversion.form.confidence')}`}
                    value={p.confidence}
                    style={{ width: '100%' }}
                    onChange={(v) => editing.update(['parameters', p.i, 'confidence'], v)}
                    options={(['H', 'M', 'L'] as const).map((c) => ({ value: c, label: t(`conversion.confidence.${c}`) }))}
                  />
                ),
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={
            <Flex gap={8} align="center">
              {t('conversion.pathway')}
              <Select
                aria-label={t('conversion.form.choosePathway')}
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 320 }}
                value={pathway.id}
                onChange={setPathwayId}
                options={draft.pathways.map((p) => ({ value: p.id, label: pick(p.name) }))}
              />
            </Flex>
          }
        >
          <Bilingual label={t('conversion.form.name')} path={[...base, 'name']} editing={editing} value={pathway.name} />
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Field label={t('conversion.form.channel')} path={[...base, 'channel']} editing={editing}>
                <Select
                  aria-label={t('conversion.form.channel')}
                  value={pathway.channel}
                  onChange={(v) => editing.update([...base, 'channel'], v)}
                  options={PATHWAY_CHANNELS.map((c) => ({ value: c, label: t(`conversion.channels.${c}`) }))}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field label={t('conversion.source')} path={[...base, 'source']} editing={editing}>
                <Select
                  aria-label={t('conversion.source')}
                  value={pathway.source}
                  onChange={(v) => editing.update([...base, 'source'], v)}
                  options={draft.sources.map((s) => ({ value: s.id, label: s.number ? `${s.title}（${s.number}）` : s.title }))}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field label={t('conversion.form.article')} path={[...base, 'article']} editing={editing}>
                <Input
                  aria-label={t('conversion.form.article')}
                  value={pathway.article ?? ''}
                  onChange={(e) => editing.update([...base, 'article'], e.target.value || undefined)}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field label={t('conversion.form.confidence')} path={[...base, 'confidence']} editing={editing}>
                <Select
                  aria-label={t('conversion.form.confidence')}
                  value={pathway.confidence}
                  onChange={(v) => editing.update([...base, 'confidence'], v)}
                  options={(['H', 'M', 'L'] as const).map((c) => ({ value: c, label: t(`conversion.confidence.${c}`) }))}
                />
              </Field>
            </Col>
          </Row>
          <Bilingual label={t('conversion.form.pathwayNote')} path={[...base, 'note']} editing={editing} value={pathway.note} area />
          <Typography.Title level={5}>{t('conversion.requirement')}</Typography.Title>
          <ConditionEditor value={pathway.condition as ConditionInput} path={[...base, 'condition']} editing={editing} />
          {(pathway.exceptions ?? []).map((e, i) => (
            <div key={e.id} style={{ marginTop: 12 }}>
              <Typography.Title level={5}>
                {t('conversion.exceptions')}：{pick(e.name)}
              </Typography.Title>
              <ConditionEditor value={e.condition as ConditionInput} path={[...base, 'exceptions', i, 'condition']} editing={editing} />
            </div>
          ))}
        </Card>
        <Flex gap={8} align="center" wrap>
          <Input
            placeholder={t('conversion.note')}
            aria-label={t('conversion.form.versionNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ maxWidth: 320 }}
          />
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!isDirty || checking || problems.length > 0}
            onClick={async () => {
              try {
                const saved = await save.mutateAsync({ definition: draft, note: note || undefined });
                message.success(t('conversion.savedVersion', { version: saved.version }));
                setNote('');
              } catch (e) {
                if (e instanceof ApiError && e.fields.length) {
                  setProblems(e.fields.map((f) => ({ path: f.path.replace(/^body\.definition\.?/, ''), message: f.message })));
                } else message.error((e as Error).message);
              }
            }}
          >
            {t('conversion.saveVersion')}
          </Button>
          {checking ? <Typography.Text type="secondary">{t('conversion.form.checking')}</Typography.Text> : null}
          {isDirty && !checking && problems.length === 0 ? (
            <Typography.Text type="success">{t('conversion.valid_rules')}</Typography.Text>
          ) : null}
        </Flex>
      </Flex>
    </Form>
  );
}
