import { Archive, ArchiveRestore, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldError } from '@/lib/form-errors';
import { ConfirmDialog } from './confirm-dialog';
import { formatBytes } from './format-bytes';
import { type ProjectDetail, useDeleteProject, useSetArchived } from './use-projects';

function ArchiveRow({ project }: { project: ProjectDetail }) {
  const setArchived = useSetArchived(project.id);
  if (project.archived) {
    return (
      <Row
        title="Unarchive"
        description="Members can run jobs and change settings again."
        action={
          <Button variant="outline" pending={setArchived.isPending} onClick={() => setArchived.mutate(false)}>
            {!setArchived.isPending && <ArchiveRestore />} Unarchive project
          </Button>
        }
      />
    );
  }
  return (
    <Row
      title="Archive"
      description="Make the project read-only: no new jobs, settings or team changes. Its data stays available."
      action={
        <ConfirmDialog
          trigger={
            <Button variant="outline">
              <Archive /> Archive project
            </Button>
          }
          title={`Archive “${project.name}”?`}
          description="Everyone keeps read access, but nothing can change until an owner unarchives it."
          confirmLabel="Archive project"
          onConfirm={() => setArchived.mutateAsync(true)}
        />
      }
    />
  );
}

function DeleteRow({ project }: { project: ProjectDetail }) {
  const remove = useDeleteProject(project.id);
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const hintId = useId();
  return (
    <Row
      title="Delete this project"
      description="Deletes its jobs, outputs and stored data for everyone. This cannot be undone."
      action={
        <ConfirmDialog
          trigger={
            <Button variant="destructive">
              <Trash2 /> Delete project
            </Button>
          }
          title={`Delete “${project.name}”?`}
          description={`${project.memberCount > 1 ? `All ${project.memberCount} members lose access, and its` : 'Its'} jobs and ${formatBytes(project.storage.usedBytes)} of stored outputs are deleted. This cannot be undone.`}
          confirmLabel="Delete project"
          destructive
          confirmDisabled={typed !== project.name}
          onOpenChange={(open) => {
            if (!open) {
              setTyped('');
              remove.reset();
            }
          }}
          onConfirm={async () => {
            await remove.mutateAsync(typed);
            await navigate('/projects', { replace: true });
          }}
        >
          <FormField
            label={
              <>
                Type <span className="font-mono font-semibold">{project.name}</span> to confirm
              </>
            }
            error={fieldError(remove.error, 'confirmName')}
          >
            {(control) => (
              <Input
                {...control}
                aria-describedby={[control['aria-describedby'], hintId].filter(Boolean).join(' ')}
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            )}
          </FormField>
          <span id={hintId} className="sr-only">
            The delete button turns on once the name matches exactly.
          </span>
        </ConfirmDialog>
      }
    />
  );
}

function Row({
  title,
  description,
  action,
}: {
  title: string;
  description: string;
  action: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
      <div className="grid gap-0.5">
        <p className="text-sm font-medium">{title}</p>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="shrink-0">{action}</div>
    </div>
  );
}

/** Archive and delete: the owner's irreversible-feeling actions, set apart. */
export function ProjectDangerZone({ project }: { project: ProjectDetail }) {
  return (
    <Card className="border-destructive/30">
      <CardHeader className="pb-4">
        <CardTitle>Archive or delete</CardTitle>
        <CardDescription>Only owners can do these.</CardDescription>
      </CardHeader>
      <CardContent className="divide-y">
        <ArchiveRow project={project} />
        <DeleteRow project={project} />
      </CardContent>
    </Card>
  );
}
