import { Badge } from '@/components/ui/badge';
import { useReadiness } from './use-readiness';

/** A small header chip: green when every service is ready, amber with the failing checks otherwise. */
export function ReadinessIndicator() {
  const { data, isPending, isError } = useReadiness();
  if (isPending) return <Badge variant="secondary">Checking services…</Badge>;
  if (isError || !data || !('status' in data)) return <Badge variant="destructive">Api unreachable</Badge>;
  if (data.status === 'ready') return <Badge variant="success">All systems ready</Badge>;
  const failing = Object.entries(data.checks)
    .filter(([, check]) => !check.ok)
    .map(([name]) => name);
  return (
    <Badge variant="warning" title={failing.join(', ')}>
      Degraded: {failing.join(', ')}
    </Badge>
  );
}
