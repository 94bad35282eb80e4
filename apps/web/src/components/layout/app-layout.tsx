import { BookOpen, FolderKanban, LayoutDashboard, Settings } from 'lucide-react';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '@/features/auth/use-me';
import { UserMenu } from '@/features/auth/user-menu';
import { VerifyEmailBanner } from '@/features/auth/verify-email-banner';
import { ReadinessIndicator } from '@/features/health/readiness-indicator';
import { ThemeToggle } from '@/features/theme/theme-toggle';
import { cn } from '@/lib/utils';

const navigation = [
  { to: '/', label: 'Overview', icon: LayoutDashboard, end: true },
  { to: '/projects', label: 'Projects', icon: FolderKanban, end: false },
  { to: '/settings', label: 'Settings', icon: Settings, end: false },
];

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
    isActive && 'bg-accent text-accent-foreground',
  );

/** The signed-in app: sidebar, header with the user menu, and the email confirmation banner. */
export function AppLayout() {
  const { data: me } = useMe();
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col border-r bg-card md:flex print:hidden">
        <div className="flex h-14 items-center gap-2 border-b px-5">
          <img src="/favicon.svg" alt="" className="size-6" />
          <span className="text-lg font-semibold tracking-tight">Synoptic</span>
        </div>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-1 p-3">
          {navigation.map(({ to, label, icon: Icon, end }) => (
            <NavLink key={to} to={to} end={end} className={navLinkClass}>
              <Icon className="size-4" />
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="border-t p-3">
          <a
            href="/api/docs"
            className="flex items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground"
          >
            <BookOpen className="size-4" /> API reference
          </a>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-b px-4 md:px-6 print:hidden">
          <span className="flex items-center gap-2 font-semibold md:hidden">
            <img src="/favicon.svg" alt="" className="size-5" /> Synoptic
          </span>
          <div className="ml-auto flex items-center gap-2">
            <ReadinessIndicator />
            <ThemeToggle />
            {me && <UserMenu me={me} />}
          </div>
        </header>
        {me && <VerifyEmailBanner me={me} />}
        <main className="flex-1 p-4 md:p-8 print:p-0">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
