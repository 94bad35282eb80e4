import { Archive, Clock, Users } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, relativeTime } from '@/lib/format';
import { RoleBadge } from './role-badge';
import { StorageBar } from './storage-bar';
import type { Project } from './use-projects';

/** One project in the list; the whole card is its link, named by the project. */
export function ProjectCard({ project }: { project: Project }) {
  return (
    <li className="group relative flex flex-col gap-4 rounded-xl border bg-card p-5 text-card-foreground shadow-sm transition-colors focus-within:ring-2 focus-within:ring-ring hover:border-primary/40">
      <div className="flex items-start justify-between gap-3">
        <h2 className="min-w-0 font-semibold leading-snug">
          <Link
            to={`/projects/${project.id}`}
            className="break-words outline-none after:absolute after:inset-0 after:rounded-xl group-hover:text-primary"
          >
            {project.name}
          </Link>
        </h2>
        <div className="flex shrink-0 flex-wrap justify-end gap-1.5">
          {project.archived && (
            <Badge variant="warning">
              <Archive aria-hidden="true" className="size-3" /> Archived
            </Badge>
          )}
          <RoleBadge role={project.role} />
        </div>
      </div>
      <p className="line-clamp-2 min-h-10 text-sm text-muted-foreground">
        {project.description || <span className="italic">No description</span>}
      </p>
      <StorageBar usedBytes={project.storage.usedBytes} quotaBytes={project.storage.quotaBytes} compact />
      <div className="mt-auto flex items-center justify-between gap-3 border-t pt-3 text-xs text-muted-foreground">
        <span className="flex items-center gap-1.5">
          <Users aria-hidden="true" className="size-3.5" />
          {project.memberCount === 1 ? '1 member' : `${project.memberCount} members`}
        </span>
        <span className="flex items-center gap-1.5">
          <Clock aria-hidden="true" className="size-3.5" />
          <span>
            Active{' '}
            <time dateTime={project.lastActivityAt} title={formatDateTime(project.lastActivityAt)}>
              {relativeTime(project.lastActivityAt)}
            </time>
          </span>
        </span>
      </div>
    </li>
  );
}
