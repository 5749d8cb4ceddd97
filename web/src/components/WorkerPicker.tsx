import type { WorkerSummary } from '@changai/contracts';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../app/use-debounced-value';
import { useWorkerSearch } from '../features/workers/use-workers';

/** A worker the caller already knows (a team loaded with a record), so the picker can name it before any search. */
export type KnownWorker = { id: string; name: string; orgName?: string };

type Common = {
  /** Only workers of this org and below (a carrier's host). */
  orgId?: string;
  known?: KnownWorker[];
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
  'aria-label'?: string;
};
export type WorkerPickerProps =
  | (Common & { multiple?: false; value?: string | null; onChange?: (workerId: string | undefined) => void })
  | (Common & { multiple: true; value?: string[]; onChange?: (workerIds: string[]) => void });

/**
 * Pick registry workers by name, pinyin or ID number: the server searches within the actor's scope,
 * so nobody outside it can be chosen.
 */
export function WorkerPicker(props: WorkerPickerProps) {
  const { t } = useTranslation();
  const { orgId, known = [], placeholder, id, style, disabled } = props;
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useWorkerSearch(q, orgId, { enabled: !disabled });
  // Names of everything ever shown, so a chosen worker keeps its label after the search moves on.
  const [names] = useState(() => new Map<string, KnownWorker>());
  for (const k of known) if (!names.has(k.id)) names.set(k.id, k);
  const found: WorkerSummary[] = results.data?.items ?? [];
  for (const w of found) names.set(w.id, { id: w.id, name: w.name, orgName: w.org.name });
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const ids = [...new Set([...selected, ...found.map((w) => w.id)])];
  const options = ids.map((workerId) => {
    const w = names.get(workerId);
    const summary = found.find((f) => f.id === workerId);
    return {
      value: workerId,
      label: w?.name ?? workerId,
      title: w?.name,
      detail: summary ? `${summary.org.name} · ${summary.idNumber}` : (w?.orgName ?? ''),
    };
  });
  const shared = {
    id,
    style,
    disabled,
    placeholder: placeholder ?? t('skills.picker.placeholder'),
    'aria-label': props['aria-label'],
    showSearch: { filterOption: false, onSearch: setSearch, searchValue: search },
    loading: results.isFetching,
    notFoundContent: results.isFetching ? t('skills.picker.searching') : t('skills.picker.none'),
    options,
    optionRender: (option: { data: { label?: React.ReactNode; detail?: string } }) => (
      <span>
        {option.data.label}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {option.data.detail}
        </Typography.Text>
      </span>
    ),
    onBlur: () => setSearch(''),
  };
  if (props.multiple) {
    return <Select<string[]> {...shared} mode="multiple" value={props.value} onChange={(v) => props.onChange?.(v)} />;
  }
  return (
    <Select<string>
      {...shared}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => {
        setSearch('');
        props.onChange?.(v ?? undefined);
      }}
    />
  );
}
