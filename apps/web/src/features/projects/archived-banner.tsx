import { Archive } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { type ProjectDetail, useSetArchived } from './use-projects';

/** An archived project is read-only; its owner may bring it back from here. */
export function ArchivedBanner({ project }: { project: ProjectDetail }) {
  const setArchived = useSetArchived(project.id);
  return (
    <div
      role="status"
      className="flex flex-col gap-3 rounded-lg border border-warning/40 bg-warning/10 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex items-start gap-3">
        <Archive aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
        <div className="grid gap-0.5">
          <p className="font-medium">This project is archived</p>
          <p className="text-muted-foreground">
            It is read-only: no new jobs, settings or team changes.
            {project.role !== 'owner' && ' Only an owner can unarchive it.'}
          </p>
        </div>
      </div>
      {project.role === 'owner' && (
        <Button
          variant="outline"
          size="sm"
          className="shrink-0"
          pending={setArchived.isPending}
          onClick={() => setArchived.mutate(false)}
        >
          Unarchive
        </Button>
      )}
    </div>
  );
}
