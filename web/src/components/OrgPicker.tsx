import type { Org, OrgRef } from '@changai/contracts';
import { TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../app/use-debounced-value';
import { useOrg, useOrgSearch, useOrgTree } from '../features/orgs/use-orgs';

type Node = { value: string; title: React.ReactNode; label: string; isLeaf: boolean; disabled?: boolean; children?: Node[] };

export type OrgPickerProps = {
  value?: string | null;
  onChange?: (orgId: string | undefined) => void;
  /** The current value's org, when the caller already knows its name. */
  valueOrg?: Pick<OrgRef, 'id' | 'name'>;
  isDisabled?: (org: Org) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

/** Choose an org from the actor's scope: a lazily loading tree, or a server search while typing. */
export function OrgPicker({ value, onChange, valueOrg, isDisabled, placeholder, allowClear = true, id, style, ...aria }: OrgPickerProps) {
  const { t } = useTranslation();
  const tree = useOrgTree(false);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const results = useOrgSearch(q, false);
  const [labels] = useState(() => new Map<string, string>());
  const needsName = Boolean(value) && !labels.has(value as string) && valueOrg?.id !== value;
  const detail = useOrg(needsName ? (value ?? undefined) : undefined);

  const toNode = useMemo(() => {
    const build = (org: Org, deep: boolean): Node => {
      labels.set(org.id, org.name);
      const children = deep ? tree.childrenOf.get(org.id) : undefined;
      return {
        value: org.id,
        label: org.name,
        title: org.isActive ? org.name : <Typography.Text type="secondary">{org.name}</Typography.Text>,
        isLeaf: deep ? org.childCount === 0 : true,
        disabled: isDisabled?.(org) ?? false,
        children: children?.map((c) => build(c, true)),
      };
    };
    return build;
  }, [tree.childrenOf, isDisabled, labels]);

  const treeData = useMemo(() => {
    if (q) {
      return (results.data ?? []).map((org) => ({
        ...toNode(org, false),
        title: (
          <span>
            {org.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {org.code}
            </Typography.Text>
          </span>
        ),
      }));
    }
    return (tree.roots ?? []).map((org) => toNode(org, true));
  }, [q, results.data, tree.roots, toNode]);

  useEffect(() => {
    if (valueOrg) labels.set(valueOrg.id, valueOrg.name);
    if (detail.data) labels.set(detail.data.id, detail.data.name);
  }, [valueOrg, detail.data, labels]);

  const label = value ? (labels.get(value) ?? (valueOrg?.id === value ? valueOrg.name : detail.data?.name) ?? '…') : undefined;

  return (
    <TreeSelect<{ value: string; label: React.ReactNode } | undefined>
      id={id}
      aria-label={aria['aria-label']}
      style={{ width: '100%', ...style }}
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(next) => {
        setSearch('');
        onChange?.(next?.value);
      }}
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={async (node) => {
        if (!q) await tree.load(String(node.value));
      }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false, autoClearSearchValue: true }}
      notFoundContent={q && !results.isFetching ? t('orgs.noResults') : undefined}
      loading={tree.isPending || (Boolean(q) && results.isFetching)}
      placeholder={placeholder ?? t('users.orgPickerPlaceholder')}
      allowClear={allowClear}
      listHeight={320}
    />
  );
}
