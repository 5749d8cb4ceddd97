import type { Org } from '@changai/contracts';
import { Alert, Card, Empty, Flex, Input, List, Spin, Switch, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { OrgKindTag } from '../../components/tags';
import { useOrg, useOrgSearch, useOrgTree } from './use-orgs';

type Props = {
  selectedId: string | undefined;
  onSelect: (orgId: string) => void;
  q: string;
  onSearch: (q: string) => void;
  includeInactive: boolean;
  onIncludeInactive: (value: boolean) => void;
  /** An org to bring into view: its ancestors are loaded and expanded. */
  revealId: string | undefined;
  onRevealed: () => void;
};

function OrgTitle({ org }: { org: Org }) {
  const { t } = useTranslation();
  return (
    <span>
      {org.isActive ? org.name : <Typography.Text type="secondary">{org.name}</Typography.Text>}
      {org.isActive ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          ({t('common.inactive')})
        </Typography.Text>
      )}
    </span>
  );
}

export function OrgTreePanel({ selectedId, onSelect, q, onSearch, includeInactive, onIncludeInactive, revealId, onRevealed }: Props) {
  const { t } = useTranslation();
  const tree = useOrgTree(includeInactive);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text.trim(), 300);
  const results = useOrgSearch(q, includeInactive);
  const reveal = useOrg(revealId);
  const { load } = tree;

  useEffect(() => {
    if (debounced !== q) onSearch(debounced);
  }, [debounced, q, onSearch]);

  // The province root opens by itself, so the first level is visible.
  const firstRoot = tree.roots?.[0]?.id;
  useEffect(() => {
    if (firstRoot && tree.roots?.length === 1) {
      void load(firstRoot);
      setExpanded((keys) => (keys.includes(firstRoot) ? keys : [...keys, firstRoot]));
    }
  }, [firstRoot, tree.roots?.length, load]);

  useEffect(() => {
    const org = reveal.data;
    if (!org || org.id !== revealId) return;
    const ids = org.ancestors.map((a) => a.id);
    void Promise.all(ids.map((id) => load(id))).then(() => {
      setExpanded((keys) => [...new Set([...keys, ...ids])]);
      onRevealed();
    });
  }, [reveal.data, revealId, load, onRevealed]);

  const treeData = useMemo(() => {
    const build = (org: Org): DataNode => {
      const children = tree.childrenOf.get(org.id);
      return { key: org.id, title: <OrgTitle org={org} />, isLeaf: org.childCount === 0, children: children?.map(build) };
    };
    return (tree.roots ?? []).map(build);
  }, [tree.roots, tree.childrenOf]);

  const loadedKeys = useMemo(() => [...tree.childrenOf.keys()], [tree.childrenOf]);

  return (
    <Card
      title={t('orgs.treeTitle')}
      extra={
        <Flex align="center" gap={6}>
          <Switch size="small" checked={includeInactive} onChange={onIncludeInactive} aria-label={t('orgs.showInactive')} />
          <Typography.Text style={{ fontSize: 13 }}>{t('orgs.showInactive')}</Typography.Text>
        </Flex>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Input.Search
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        aria-label={t('orgs.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => onSearch(value.trim())}
        style={{ marginBottom: 12 }}
      />
      {tree.error ? <Alert type="error" showIcon title={tree.error.message} /> : null}
      {q ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orgs.searchResults', { count: results.data?.length ?? 0 })}
          </Typography.Text>
          <List<Org>
            size="small"
            loading={results.isFetching}
            dataSource={results.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noResults')} /> }}
            style={{ maxHeight: 'calc(100vh - 300px)', overflow: 'auto' }}
            renderItem={(org) => (
              <List.Item
                onClick={() => onSelect(org.id)}
                style={{ cursor: 'pointer', background: org.id === selectedId ? '#e6f0ff' : undefined, paddingInline: 8 }}
              >
                <Flex justify="space-between" align="center" style={{ width: '100%' }} gap={8}>
                  <OrgTitle org={org} />
                  <Flex gap={4} align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {org.code}
                    </Typography.Text>
                    <OrgKindTag kind={org.kind} />
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </div>
      ) : tree.isPending ? (
        <Flex justify="center" style={{ padding: 40 }}>
          <Spin />
        </Flex>
      ) : (
        <Tree
          blockNode
          showLine
          height={Math.max(360, window.innerHeight - 290)}
          treeData={treeData}
          loadedKeys={loadedKeys}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
          loadData={(node) => load(String(node.key))}
        />
      )}
    </Card>
  );
}
