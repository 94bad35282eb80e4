import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { AuthLayout } from '@/components/layout/auth-layout';
import { Toaster } from '@/components/ui/toast';
import { RequireSession } from '@/features/auth/require-session';
import { onSessionLost } from '@/features/auth/session';
import { InvitationGate } from '@/features/invitations/invitation-gate';
import { ThemeProvider } from '@/features/theme/theme-provider';
import { setUnauthenticatedHandler } from '@/lib/api';
import { queryClient } from '@/lib/query-client';
import { ForgotPasswordRoute } from '@/routes/forgot-password';
import { InvitationAcceptRoute } from '@/routes/invitation-accept';
import { JobDetailRoute } from '@/routes/job-detail';
import { JobListRoute } from '@/routes/job-list';
import { LoginRoute } from '@/routes/login';
import { NotFoundRoute } from '@/routes/not-found';
import { OverviewRoute } from '@/routes/overview';
import { ProjectLayout } from '@/routes/project-layout';
import { ProjectOverviewRoute } from '@/routes/project-overview';
import { ProjectSamplesRoute } from '@/routes/project-samples';
import { ProjectSettingsRoute } from '@/routes/project-settings';
import { ProjectTeamRoute } from '@/routes/project-team';
import { ProjectsRoute } from '@/routes/projects';
import { RegisterRoute } from '@/routes/register';
import { ResetPasswordRoute } from '@/routes/reset-password';
import { SettingsLayout } from '@/routes/settings';
import { SettingsDeleteAccountRoute } from '@/routes/settings-delete-account';
import { SettingsPasswordRoute } from '@/routes/settings-password';
import { SettingsProfileRoute } from '@/routes/settings-profile';
import { SettingsSessionsRoute } from '@/routes/settings-sessions';
import { SettingsTokensRoute } from '@/routes/settings-tokens';
import { SettingsTwoFactorRoute } from '@/routes/settings-two-factor';
import { VerifyEmailRoute } from '@/routes/verify-email';

// Any 401 outside sign-in means the session expired or was revoked elsewhere.
setUnauthenticatedHandler(() => onSessionLost(queryClient));

const router = createBrowserRouter([
  {
    element: <AuthLayout />,
    children: [
      { path: 'login', element: <LoginRoute /> },
      { path: 'register', element: <RegisterRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
    ],
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <OverviewRoute /> },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', element: <SettingsProfileRoute /> },
              { path: 'password', element: <SettingsPasswordRoute /> },
              { path: 'two-factor', element: <SettingsTwoFactorRoute /> },
              { path: 'sessions', element: <SettingsSessionsRoute /> },
              { path: 'tokens', element: <SettingsTokensRoute /> },
              { path: 'delete-account', element: <SettingsDeleteAccountRoute /> },
            ],
          },
          { path: 'projects', element: <ProjectsRoute /> },
          {
            path: 'projects/:projectId',
            element: <ProjectLayout />,
            children: [
              { index: true, element: <ProjectOverviewRoute /> },
              { path: 'team', element: <ProjectTeamRoute /> },
              { path: 'settings', element: <ProjectSettingsRoute /> },
              { path: 'samples', element: <ProjectSamplesRoute /> },
              {
                // The profile shows the generator's field catalog: loaded with the schema builder's chunk.
                path: 'samples/:sampleId',
                lazy: async () => ({ Component: (await import('@/routes/sample-detail')).SampleDetailRoute }),
              },
              { path: 'jobs', element: <JobListRoute /> },
              {
                // The schema builder carries the generator's schemas and catalog: loaded when opened.
                path: 'jobs/new',
                lazy: async () => ({ Component: (await import('@/routes/job-new')).JobNewRoute }),
              },
              { path: 'jobs/:jobId', element: <JobDetailRoute /> },
              {
                // The grid, its filters and the chat's charts: loaded when a dataset is opened.
                path: 'jobs/:jobId/viewer',
                lazy: async () => ({ Component: (await import('@/routes/job-viewer')).JobViewerRoute }),
              },
              {
                // The report's charts: loaded when a report is opened.
                path: 'jobs/:jobId/report',
                lazy: async () => ({ Component: (await import('@/routes/job-report')).JobReportRoute }),
              },
              {
                path: 'jobs/:jobId/chat',
                lazy: async () => ({ Component: (await import('@/routes/job-chat')).JobChatRoute }),
              },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
  {
    // A mailed invitation link: signed-out visitors are told to sign in or register, then come back.
    path: 'invitations/accept',
    element: <InvitationGate />,
    children: [{ element: <AppLayout />, children: [{ index: true, element: <InvitationAcceptRoute /> }] }],
  },
]);

export function App() {
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
