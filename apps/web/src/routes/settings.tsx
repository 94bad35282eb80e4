import { KeyRound, MonitorSmartphone, ShieldCheck, SquareTerminal, Trash2, UserRound } from 'lucide-react';
import { NavLink, Outlet } from 'react-router';
import { cn } from '@/lib/utils';

const sections = [
  { to: 'profile', label: 'Profile', icon: UserRound },
  { to: 'password', label: 'Password', icon: KeyRound },
  { to: 'two-factor', label: 'Two-factor', icon: ShieldCheck },
  { to: 'sessions', label: 'Sessions', icon: MonitorSmartphone },
  { to: 'tokens', label: 'API tokens', icon: SquareTerminal },
  { to: 'delete-account', label: 'Delete account', icon: Trash2 },
];

/** Account settings: a side navigation (a scrolling row on small screens) and the chosen page. */
export function SettingsLayout() {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-muted-foreground">Your profile, sign-in security and API access.</p>
      </div>
      <div className="flex flex-col gap-6 md:flex-row md:gap-10">
        <nav aria-label="Settings" className="-mx-4 overflow-x-auto px-4 md:mx-0 md:w-48 md:shrink-0 md:px-0">
          <ul className="flex gap-1 md:flex-col">
            {sections.map(({ to, label, icon: Icon }) => (
              <li key={to}>
                <NavLink
                  to={to}
                  className={({ isActive }) =>
                    cn(
                      'flex items-center gap-2.5 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
                      isActive && 'bg-accent text-accent-foreground',
                      to === 'delete-account' && 'hover:text-destructive',
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
        <div className="min-w-0 flex-1">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
