import type { CarrierKind, CarrierRef, CarrierStatus } from '@changai/contracts';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useCarrierSearch } from './use-skills';

const ACTIVE: CarrierStatus[] = ['recognised', 'review_passed', 'review_failed'];

/** Choose a recognised carrier in scope (optionally of some kinds) by its name. */
export function CarrierPicker({
  value,
  onChange,
  kinds,
  known,
  id,
  placeholder,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  onChange?: (carrierId: string | null) => void;
  kinds?: readonly CarrierKind[];
  /** The current value's carrier, so it is named before any search. */
  known?: CarrierRef | null;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useCarrierSearch(q);
  const found = (results.data?.items ?? []).filter((c) => ACTIVE.includes(c.status) && (!kinds || kinds.includes(c.kind)));
  const options = found.map((c) => ({ value: c.id, label: c.name, detail: `${t(`skills.kinds.${c.kind}`)} · ${c.host.name}` }));
  if (value && known && known.id === value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: known.name, detail: t(`skills.kinds.${known.kind}`) });
  }
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      allowClear
      placeholder={placeholder ?? t('skills.picker.carrier')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? t('skills.picker.searching') : t('skills.picker.none')}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.detail}
          </Typography.Text>
        </span>
      )}
      onBlur={() => setSearch('')}
    />
  );
}
