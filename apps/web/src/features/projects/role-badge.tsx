import { Crown, Eye, ShieldCheck, UserRound } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import { type Role, roleLabels } from './project-permissions';

const icons = { owner: Crown, admin: ShieldCheck, member: UserRound, viewer: Eye };
const tones: Record<Role, string> = {
  owner: 'bg-primary/12 text-primary dark:bg-primary/20',
  admin: 'bg-accent text-accent-foreground',
  member: 'bg-secondary text-secondary-foreground',
  viewer: 'bg-muted text-muted-foreground',
};

/** My (or someone's) role in a project, readable without colour. */
export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  const Icon = icons[role];
  return (
    <Badge variant="outline" className={cn('border-transparent', tones[role], className)}>
      <Icon aria-hidden="true" className="size-3" />
      {roleLabels[role]}
    </Badge>
  );
}
