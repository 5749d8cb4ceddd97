import { useParams } from 'react-router';
import { WorkerPathways } from './WorkerPathways';

export function WorkerPathwaysPage() {
  const { workerId } = useParams();
  return workerId ? <WorkerPathways workerId={workerId} /> : null;
}
