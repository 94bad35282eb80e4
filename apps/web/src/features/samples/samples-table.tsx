import { Link } from 'react-router';
import { formatBytes } from '@/features/projects/format-bytes';
import { formatDateTime, relativeTime } from '@/lib/format';
import { SampleDeleteDialog } from './sample-delete-dialog';
import { formatSampleShape, sampleFormatLabel } from './sample-format';
import { SampleStatusBadge } from './sample-status-badge';
import type { Sample } from './use-samples';

/** The project's samples: what each file is, how big, how far profiling got; delete for members. */
export function SamplesTable({
  projectId,
  samples,
  canManage,
}: {
  projectId: string;
  samples: Sample[];
  canManage: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-sm" aria-label="Samples">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Size
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Uploaded
            </th>
            {canManage && (
              <th scope="col" className="w-12 px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {samples.map((sample) => (
            <tr key={sample.id} className="border-t align-top">
              <td className="max-w-72 px-3 py-2.5">
                <Link
                  to={`/projects/${projectId}/samples/${sample.id}`}
                  title={sample.name}
                  className="block truncate rounded-sm font-medium hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {sample.name}
                </Link>
                <span className="block truncate text-xs text-muted-foreground">
                  {sampleFormatLabel(sample.format)} · {sample.createdBy?.name ?? 'deleted user'}
                </span>
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <span className="block tabular-nums">{formatBytes(sample.bytes)}</span>
                <span className="block text-xs text-muted-foreground">
                  {formatSampleShape(sample.rows, sample.columns) ?? 'Not counted yet'}
                </span>
              </td>
              <td className="px-3 py-2.5">
                <SampleStatusBadge status={sample.status} />
                {sample.status === 'failed' && sample.error && (
                  <span className="mt-1 block max-w-80 text-xs text-destructive">{sample.error}</span>
                )}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <span title={formatDateTime(sample.createdAt)}>{relativeTime(sample.createdAt)}</span>
              </td>
              {canManage && (
                <td className="px-3 py-1.5 text-right">
                  <SampleDeleteDialog projectId={projectId} sample={sample} compact />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
