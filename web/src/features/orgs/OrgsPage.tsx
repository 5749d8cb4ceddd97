import type { Org } from '@changai/contracts';
import { Col, Row } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgTreePanel } from './OrgTreePanel';

/** 组织机构: the lazily loaded tree on the left, the selected org on the right; selection and filters live in the URL. */
export function OrgsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org') ?? undefined;
  const q = params.get('q') ?? '';
  const includeInactive = params.get('inactive') === '1';
  // Opening a link to an org deep in the tree reveals it.
  const [revealId, setRevealId] = useState<string | undefined>(selectedId);

  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const select = useCallback(
    (orgId: string | undefined, reveal = false) => {
      update({ org: orgId });
      if (reveal && orgId) setRevealId(orgId);
    },
    [update],
  );

  const onSearch = useCallback((value: string) => update({ q: value || undefined }), [update]);
  const onRevealed = useCallback(() => setRevealId(undefined), []);

  return (
    <>
      <PageHeader title={t('orgs.title')} />
      <Row gutter={16}>
        <Col xs={24} lg={9} xxl={7} style={{ marginBottom: 16 }}>
          <OrgTreePanel
            selectedId={selectedId}
            onSelect={(id) => select(id, Boolean(q))}
            q={q}
            onSearch={onSearch}
            includeInactive={includeInactive}
            onIncludeInactive={(value) => update({ inactive: value ? '1' : undefined })}
            revealId={revealId}
            onRevealed={onRevealed}
          />
        </Col>
        <Col xs={24} lg={15} xxl={17}>
          <OrgDetailPanel
            orgId={selectedId}
            onSelect={(id) => select(id, true)}
            onCreated={(org: Org) => select(org.id, true)}
            onMoved={(id) => select(id, true)}
          />
        </Col>
      </Row>
    </>
  );
}
