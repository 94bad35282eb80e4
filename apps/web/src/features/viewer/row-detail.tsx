import { ChevronDown, ChevronUp } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import {
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
} from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { formatCount } from '@/features/jobs/job-format';
import { errorMessage } from '@/lib/api';
import { ColumnKindIcon } from './column-kind-icon';
import { type DatasetColumn, type DatasetView, useRow } from './use-dataset';

/** Every column of one row, one per line, with the neighbouring rows a key press away. */
export function RowDetail({
  scope,
  columns,
  view,
  index,
  total,
  onIndexChange,
  onClose,
}: {
  scope: { projectId: string; jobId: string; table: string };
  columns: DatasetColumn[];
  view: DatasetView;
  /** The row shown, from 0; the sheet is closed when undefined. */
  index: number | undefined;
  total: number | undefined;
  onIndexChange: (index: number) => void;
  onClose: () => void;
}) {
  const row = useRow(scope.projectId, scope.jobId, scope.table, view, index);
  const json =
    row.cells === undefined
      ? ''
      : JSON.stringify(
          Object.fromEntries(columns.map((column, at) => [column.name, row.cells?.[at] ?? null])),
          null,
          2,
        );
  const hasPrevious = index !== undefined && index > 0;
  const hasNext = index !== undefined && total !== undefined && index < total - 1;
  return (
    <Sheet open={index !== undefined} onOpenChange={(open) => !open && onClose()}>
      <SheetContent
        onKeyDown={(event) => {
          if (index === undefined || (event.target as HTMLElement).closest('input,textarea,select')) return;
          if ((event.key === 'ArrowDown' || event.key === 'j') && hasNext) {
            event.preventDefault();
            onIndexChange(index + 1);
          } else if ((event.key === 'ArrowUp' || event.key === 'k') && hasPrevious) {
            event.preventDefault();
            onIndexChange(index - 1);
          }
        }}
      >
        <SheetHeader>
          <SheetTitle>Row {index === undefined ? '' : formatCount(index + 1)}</SheetTitle>
          <SheetDescription>
            {scope.table}
            {total !== undefined && <> · {formatCount(total)} rows in this view</>} · ↑ ↓ move between rows
          </SheetDescription>
        </SheetHeader>
        <SheetBody>
          {row.error ? (
            <Alert variant="destructive">{errorMessage(row.error)}</Alert>
          ) : row.cells === undefined ? (
            <div className="grid gap-2" aria-busy="true">
              {columns.map((column) => (
                <Skeleton key={column.name} className="h-10" />
              ))}
            </div>
          ) : (
            <dl className="grid divide-y rounded-lg border" aria-label="Row values">
              {columns.map((column, at) => {
                const value = row.cells?.[at] ?? null;
                return (
                  <div
                    key={column.name}
                    className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 px-3 py-2"
                  >
                    <dt className="flex min-w-0 items-center gap-1.5 text-sm text-muted-foreground">
                      <ColumnKindIcon kind={column.kind} />
                      <span className="truncate font-mono text-xs" title={column.name}>
                        {column.name}
                      </span>
                    </dt>
                    <dd className="min-w-0 font-mono text-sm break-words">
                      {value === null ? (
                        <span className="text-muted-foreground italic">null</span>
                      ) : (
                        String(value)
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
        </SheetBody>
        <SheetFooter className="justify-between">
          <div className="flex items-center gap-1">
            <Button
              variant="outline"
              size="sm"
              disabled={!hasPrevious}
              onClick={() => index !== undefined && onIndexChange(index - 1)}
            >
              <ChevronUp /> Previous
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!hasNext}
              onClick={() => index !== undefined && onIndexChange(index + 1)}
            >
              <ChevronDown /> Next
            </Button>
          </div>
          <CopyButton value={json} label="Copy as JSON" disabled={!json} />
        </SheetFooter>
      </SheetContent>
    </Sheet>
  );
}
