import { FileSpreadsheet, LayoutDashboard, Settings, Users } from 'lucide-react';
import { NavLink } from 'react-router';
import { cn } from '@/lib/utils';

const tabs = [
  { to: '', label: 'Overview', icon: LayoutDashboard, end: true },
  { to: 'samples', label: 'Samples', icon: FileSpreadsheet, end: false },
  { to: 'team', label: 'Team', icon: Users, end: false },
  { to: 'settings', label: 'Settings', icon: Settings, end: false },
];

/** Overview, Samples, Team, Settings of one project: a row of tabs under its header. */
export function ProjectNav({ projectId }: { projectId: string }) {
  return (
    <nav aria-label="Project" className="-mx-4 overflow-x-auto border-b px-4 md:mx-0 md:px-0 print:hidden">
      <ul className="flex gap-1">
        {tabs.map(({ to, label, icon: Icon, end }) => (
          <li key={label}>
            <NavLink
              to={to ? `/projects/${projectId}/${to}` : `/projects/${projectId}`}
              end={end}
              className={({ isActive }) =>
                cn(
                  '-mb-px flex items-center gap-2 whitespace-nowrap border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:rounded-sm',
                  isActive && 'border-primary text-foreground',
                )
              }
            >
              <Icon aria-hidden="true" className="size-4" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
