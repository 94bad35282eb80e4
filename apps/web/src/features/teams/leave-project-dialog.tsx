import { LogOut } from 'lucide-react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { useLeaveProject } from './use-members';

/** Leaves the project; the api refuses the last owner (409) and the dialog shows its reason. */
export function LeaveProjectDialog({ projectId, projectName }: { projectId: string; projectName: string }) {
  const leave = useLeaveProject(projectId);
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline">
          <LogOut /> Leave project
        </Button>
      }
      title={`Leave “${projectName}”?`}
      description="You lose access to its jobs and data at once. To come back, someone has to invite you again."
      confirmLabel="Leave project"
      destructive
      onConfirm={async () => {
        await leave.mutateAsync();
        toast.success(`You left “${projectName}”`);
        await navigate('/projects', { replace: true });
      }}
    />
  );
}
