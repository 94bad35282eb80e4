import { Eye } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/features/jobs/job-format';
import { formatBytes } from '@/features/projects/format-bytes';
import type { LivePreview } from './use-live-preview';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The first rows of each table and the size estimate, following the builder. */
export function PreviewPanel({ preview, invalid }: { preview: LivePreview; invalid: boolean }) {
  const { data, pending, error } = preview;
  return (
    <section aria-labelledby="preview-heading" className="grid gap-3" aria-busy={pending || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="preview-heading" className="flex items-center gap-2 text-lg font-semibold">
          <Eye aria-hidden="true" className="size-4 text-muted-foreground" /> Preview
          {pending && <Spinner className="size-4 text-muted-foreground" />}
        </h2>
        {data && (
          <p className="text-sm text-muted-foreground" aria-live="polite">
            Estimated output:{' '}
            <strong className="text-foreground">{formatCount(data.estimate.rows)} rows</strong> in{' '}
            {data.estimate.tables.length} {data.estimate.tables.length === 1 ? 'table' : 'tables'},{' '}
            <strong className="text-foreground">{formatBytes(data.estimate.bytes)}</strong>
          </p>
        )}
      </div>
      {invalid && (
        <Alert variant="warning">
          <AlertTitle>The preview waits for a valid schema</AlertTitle>
          <AlertDescription>Fix the problems marked in the builder and it updates again.</AlertDescription>
        </Alert>
      )}
      {error &&
        (error.status === 503 ? (
          <Alert variant="info">
            <AlertTitle>The preview is unavailable for now</AlertTitle>
            <AlertDescription>
              The generation pipeline is not answering. Keep editing: the preview comes back when it does, and
              jobs you submit wait for it.
            </AlertDescription>
          </Alert>
        ) : (
          <Alert variant="destructive">
            <AlertTitle>Could not preview this schema</AlertTitle>
            <AlertDescription>{error.message}</AlertDescription>
          </Alert>
        ))}
      {!data && !error && !invalid && (
        <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          Generating the first rows…
        </p>
      )}
      {data?.tables.map((table) => {
        const estimate = data.estimate.tables.find((item) => item.name === table.name);
        return (
          <div key={table.name} className="grid gap-1.5">
            <h3 className="flex flex-wrap items-baseline gap-x-2 text-sm font-medium">
              <span className="font-mono">{table.name}</span>
              {estimate && (
                <span className="text-xs font-normal text-muted-foreground">
                  {formatCount(estimate.rows)} rows · {formatBytes(estimate.bytes)}
                </span>
              )}
            </h3>
            <div className="max-h-96 overflow-auto rounded-lg border">
              <table className="w-full text-xs" aria-label={`Preview of ${table.name}`}>
                <thead className="sticky top-0 bg-muted text-left">
                  <tr>
                    {table.columns.map((column) => (
                      <th
                        key={column.name}
                        scope="col"
                        className="px-2.5 py-1.5 font-medium whitespace-nowrap"
                      >
                        <span className="font-mono">{column.name}</span>{' '}
                        <span className="font-normal text-muted-foreground">{column.type}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className={pending ? 'opacity-60 transition-opacity' : undefined}>
                  {table.rows.map((row, rowIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their place
                    <tr key={rowIndex} className="border-t">
                      {table.columns.map((column) => {
                        const value = row[column.name];
                        return (
                          <td
                            key={column.name}
                            className="max-w-64 truncate px-2.5 py-1 font-mono whitespace-nowrap"
                          >
                            {value === null ? (
                              <span className="text-muted-foreground italic">null</span>
                            ) : (
                              cell(value)
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                  {table.rows.length === 0 && (
                    <tr>
                      <td
                        colSpan={table.columns.length}
                        className="px-2.5 py-3 text-center text-muted-foreground"
                      >
                        No rows in the first part of this table.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
