import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { type Sample, useDeleteSample } from './use-samples';

/**
 * Deletes a sample after asking. A sample a queued or running job still learns from is refused
 * (409 sample_in_use); the dialog stays open with the api's words for it.
 */
export function SampleDeleteDialog({
  projectId,
  sample,
  compact = false,
  onDeleted,
}: {
  projectId: string;
  sample: Sample;
  compact?: boolean;
  onDeleted?: () => void;
}) {
  const remove = useDeleteSample(projectId);
  return (
    <ConfirmDialog
      trigger={
        compact ? (
          <Button
            variant="ghost"
            size="icon"
            className="size-8 text-muted-foreground hover:text-destructive"
            aria-label={`Delete ${sample.name}`}
            title="Delete sample"
          >
            <Trash2 />
          </Button>
        ) : (
          <Button variant="outline" size="sm" aria-label={`Delete ${sample.name}`}>
            <Trash2 /> Delete
          </Button>
        )
      }
      title={`Delete “${sample.name}”?`}
      description="The file and its profile are deleted from the project. Jobs already made from it keep their outputs and reports; new twins of it need the file uploaded again."
      confirmLabel="Delete sample"
      destructive
      onConfirm={async () => {
        await remove.mutateAsync(sample);
        onDeleted?.();
      }}
    />
  );
}
