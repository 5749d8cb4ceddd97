import { ExperimentOutlined, LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatScale, useHealth } from '../app/use-health';

/** A quiet header mark when the server runs on generated demo data; nothing otherwise. */
export function DemoDataTag() {
  const { t, i18n } = useTranslation();
  const health = useHealth();
  const demo = health.data?.demo;
  if (!demo) return null;
  const percent = formatScale(demo.scale, i18n.language);
  const isLoading = demo.status === 'loading';
  return (
    <Tooltip title={isLoading ? `${t('header.demoHint', { percent })} ${t('header.demoLoadingHint')}` : t('header.demoHint', { percent })}>
      <Tag color="orange" icon={isLoading ? <LoadingOutlined /> : <ExperimentOutlined />} style={{ marginInlineEnd: 8 }}>
        {t('header.demoData')} · {t('header.demoScale', { percent })}
        {isLoading ? ` · ${t('header.demoLoading')}` : null}
      </Tag>
    </Tooltip>
  );
}
