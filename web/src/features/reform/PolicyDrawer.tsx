import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { policyAttachmentUrl } from '../../api/reform.api';
import { AreaTag, PolicyStatusTag, TaskStatusTag } from './reform-tags';
import { usePolicy } from './use-reform';

export function PolicyDrawer({ policyId, onClose, onEdit }: { policyId?: string; onClose: () => void; onEdit?: (id: string) => void }) {
  const { t } = useTranslation();
  const policy = usePolicy(policyId);
  const p = policy.data;
  return (
    <Drawer
      open={Boolean(policyId)}
      onClose={onClose}
      size={720}
      title={p?.title ?? ' '}
      extra={p && onEdit ? <Button onClick={() => onEdit(p.id)}>{t('reform.policies.edit')}</Button> : null}
    >
      {!p ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={20}>
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              { key: 'doc', label: t('reform.policies.docNumber'), children: p.docNumber ?? '—' },
              { key: 'date', label: t('reform.policies.issuedOn'), children: p.issuedOn },
              { key: 'issuers', label: t('reform.policies.issuers'), children: p.issuers, span: 2 },
              { key: 'cat', label: t('reform.policies.category'), children: <AreaTag area={p.category} /> },
              { key: 'status', label: t('reform.policies.status'), children: <PolicyStatusTag status={p.status} /> },
              { key: 'lead', label: t('reform.policies.leadOrg'), children: p.leadOrg?.name ?? '—', span: 2 },
              ...(p.supersedes ? [{ key: 'sup', label: t('reform.policies.supersedes'), children: p.supersedes.title, span: 2 }] : []),
              ...(p.supersededBy.length
                ? [
                    {
                      key: 'by',
                      label: t('reform.policies.supersededBy'),
                      children: p.supersededBy.map((s) => s.title).join('；'),
                      span: 2,
                    },
                  ]
                : []),
            ]}
          />
          {p.summary ? (
            <div>
              <Typography.Title level={5}>{t('reform.policies.summary')}</Typography.Title>
              <Typography.Paragraph>{p.summary}</Typography.Paragraph>
            </div>
          ) : null}
          <div>
            <Typography.Title level={5}>{t('reform.policies.attachments')}</Typography.Title>
            {p.attachments.length === 0 ? (
              <Typography.Text type="secondary">{t('reform.policies.noAttachments')}</Typography.Text>
            ) : (
              p.attachments.map((a) => (
                <div key={a.id}>
                  <a href={policyAttachmentUrl(a.id)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {a.fileName}
                  </a>{' '}
                  <Typography.Text type="secondary">{(a.sizeBytes / 1024).toFixed(0)} KB</Typography.Text>
                </div>
              ))
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('reform.policies.relatedTasks')}</Typography.Title>
            {p.tasks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reform.policies.noTasks')} />
            ) : (
              <List
                size="small"
                dataSource={p.tasks}
                renderItem={(task) => (
                  <List.Item extra={<TaskStatusTag status={task.status} />}>
                    <Link to={`/tasks/${task.id}`}>{task.title}</Link>（{task.org.name}）
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('reform.policies.fullText')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.fullText || '—'}</Typography.Paragraph>
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
