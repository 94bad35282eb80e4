import { Link, Outlet } from 'react-router';
import { ThemeToggle } from '@/features/theme/theme-toggle';

/** Sign-in, registration and account recovery: a centred card, no sidebar. */
export function AuthLayout() {
  return (
    <div className="relative flex min-h-screen flex-col items-center bg-muted/40 px-4 py-10 sm:justify-center">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <Link
        to="/"
        className="mb-8 flex items-center gap-2.5 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <img src="/favicon.svg" alt="" className="size-8" />
        <span className="text-2xl font-semibold tracking-tight">Synoptic</span>
      </Link>
      <main className="w-full max-w-[26rem]">
        <Outlet />
      </main>
      <p className="mt-10 max-w-sm text-center text-xs text-muted-foreground">
        Realistic synthetic data you can share without privacy worries.
      </p>
    </div>
  );
}
