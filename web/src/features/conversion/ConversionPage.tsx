import { Alert, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { FullPageSpinner } from '../../app/guards';
import { readsOnlySelf } from '../../app/modules';
import { PageHeader } from '../../components/PageHeader';
import { useActor } from '../auth/use-session';
import { useWorkerList } from '../workers/use-workers';
import { ApplicationsPanel } from './ApplicationsPanel';
import { WorkerPathways } from './WorkerPathways';

/** A worker's own pathways and applications. */
function MyConversion() {
  const { t } = useTranslation();
  const own = useWorkerList({});
  if (own.isPending) return <FullPageSpinner />;
  if (own.isError) return <Alert type="error" showIcon title={own.error.message} />;
  const me = own.data.pages[0]?.items[0];
  if (!me) return <Empty />;
  return (
    <>
      <WorkerPathways workerId={me.id} title={t('conversion.myPathways')} />
      <Card title={t('conversion.queues.mine')} style={{ marginTop: 16 }}>
        <ApplicationsPanel queues={['mine']} />
      </Card>
    </>
  );
}

export function ConversionPage() {
  const { t } = useTranslation();
  const actor = useActor();
  if (readsOnlySelf(actor.role)) return <MyConversion />;
  return (
    <>
      <PageHeader title={t('conversion.applications')} />
      <Card>
        <ApplicationsPanel />
      </Card>
    </>
  );
}
