import { ArrowRight } from 'lucide-react';
import { Link } from 'react-router';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { roleLabels, roles } from '@/features/projects/project-permissions';
import type { ProjectDetail } from '@/features/projects/use-projects';
import { MemberAvatar } from './member-avatar';
import { useMembers } from './use-members';

const shown = 6;

/** Who is in the project: faces, counts by role, and the way to the team page. */
export function MembersSummary({ project }: { project: ProjectDetail }) {
  const members = useMembers(project.id);
  const total = project.memberCount;
  const manages = project.role === 'owner' || project.role === 'admin';
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle>Team</CardTitle>
        <CardDescription>
          {total === 1 ? 'Just you so far.' : `${total} people work on this project.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {members.data ? (
          <ul aria-label="Members" className="flex -space-x-2">
            {members.data.slice(0, shown).map((member) => (
              <li key={member.userId} title={`${member.name} · ${roleLabels[member.role]}`}>
                <MemberAvatar name={member.name} id={member.userId} className="size-9" />
                <span className="sr-only">
                  {member.name}, {member.role}
                </span>
              </li>
            ))}
            {members.data.length > shown && (
              <li className="inline-flex size-9 items-center justify-center rounded-full bg-muted text-xs font-medium text-muted-foreground ring-2 ring-card">
                +{members.data.length - shown}
              </li>
            )}
          </ul>
        ) : (
          <Skeleton className="h-9 w-32 rounded-full" />
        )}
        <dl className="grid grid-cols-4 gap-2 text-center">
          {roles.map((role) => (
            <div key={role} className="rounded-md bg-muted/50 px-1 py-2">
              <dt className="text-xs text-muted-foreground">{roleLabels[role]}s</dt>
              <dd className="text-lg font-semibold tabular-nums">{project.members[role]}</dd>
            </div>
          ))}
        </dl>
        <Link
          to={`/projects/${project.id}/team`}
          className="flex w-fit items-center gap-1 rounded-sm text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {manages ? 'Manage the team' : 'See the team'} <ArrowRight aria-hidden="true" className="size-4" />
        </Link>
      </CardContent>
    </Card>
  );
}
