import { Crown } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/input';
import { ConfirmDialog } from '@/features/projects/confirm-dialog';
import { type Member, useTransferOwnership } from './use-members';

/** Hands the project to another member (owner only); I stay on as an admin. */
export function TransferOwnershipDialog({
  projectId,
  candidates,
}: {
  projectId: string;
  candidates: Member[];
}) {
  const transfer = useTransferOwnership(projectId);
  const [userId, setUserId] = useState('');
  const chosen = candidates.find((member) => member.userId === userId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" disabled={candidates.length === 0}>
          <Crown /> Transfer ownership
        </Button>
      }
      title="Transfer ownership"
      description="The person you choose becomes an owner, and you become an admin. Only they (or another owner) can make you owner again."
      confirmLabel={chosen ? `Make ${chosen.name} owner` : 'Transfer ownership'}
      confirmDisabled={!chosen}
      onOpenChange={(open) => {
        if (!open) setUserId('');
      }}
      onConfirm={() => (chosen ? transfer.mutateAsync(chosen) : Promise.resolve())}
    >
      <FormField label="New owner">
        {(control) => (
          <Select {...control} value={userId} onChange={(event) => setUserId(event.target.value)}>
            <option value="" disabled>
              Choose a member…
            </option>
            {candidates.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </Select>
        )}
      </FormField>
    </ConfirmDialog>
  );
}
