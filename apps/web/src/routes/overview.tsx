import { CheckCircle2, CircleAlert, Database, Workflow } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { useReadiness } from '@/features/health/use-readiness';
import { useDocumentTitle } from '@/lib/use-document-title';

const checkLabels: Record<string, { label: string; icon: typeof Database }> = {
  database: { label: 'Database', icon: Database },
  migrations: { label: 'Database schema', icon: Database },
  pipeline: { label: 'Generation pipeline', icon: Workflow },
};

export function OverviewRoute() {
  useDocumentTitle(undefined);
  const { data } = useReadiness();
  const checks = data && 'checks' in data ? Object.entries(data.checks) : [];
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome to Synoptic</h1>
        <p className="mt-1 text-muted-foreground">
          Realistic synthetic data from a schema or a sample: reproducible, fast, and safe to share.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Platform status</CardTitle>
          <CardDescription>What this installation needs to generate data.</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y" aria-label="Service checks">
            {checks.map(([name, check]) => {
              const meta = checkLabels[name] ?? { label: name, icon: Database };
              return (
                <li key={name} className="flex items-center justify-between py-3">
                  <span className="flex items-center gap-3 text-sm">
                    <meta.icon className="size-4 text-muted-foreground" /> {meta.label}
                  </span>
                  {check.ok ? (
                    <span className="flex items-center gap-1.5 text-sm text-success">
                      <CheckCircle2 className="size-4" /> Ready
                    </span>
                  ) : (
                    <span className="flex items-center gap-1.5 text-sm text-destructive">
                      <CircleAlert className="size-4" /> {check.message ?? 'Not ready'}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
