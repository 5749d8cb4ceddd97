import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AppShell } from './AppShell';
import { FullPageSpinner, HomeRedirect, RequirePermission, RequireSession } from './guards';
import { CrashPage, NotFoundPage } from './results';

/** Each page is its own chunk, loaded when first opened. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return <Page />;
}

const bare = (
  <Suspense fallback={<FullPageSpinner />}>
    <Outlet />
  </Suspense>
);

export const router = createBrowserRouter([
  {
    errorElement: <CrashPage />,
    element: bare,
    children: [
      { path: '/login', element: page(() => import('../features/auth/LoginPage'), 'LoginPage') },
      { path: '/setup', element: page(() => import('../features/auth/SetupPage'), 'SetupPage') },
      // Public: anyone holding a certificate's code or QR may check it, without an account.
      { path: '/verify/:code', element: page(() => import('../features/conversion/VerifyPage'), 'VerifyPage') },
      {
        path: '/change-password',
        element: (
          <RequireSession isPasswordPage>
            {page(() => import('../features/account/ForcedPasswordPage'), 'ForcedPasswordPage')}
          </RequireSession>
        ),
      },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppShell />
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'orgs',
            element: (
              <RequirePermission permission="org:read">{page(() => import('../features/orgs/OrgsPage'), 'OrgsPage')}</RequirePermission>
            ),
          },
          {
            path: 'network',
            element: (
              <RequirePermission permission="network:read">
                {page(() => import('../features/network/NetworkPage'), 'NetworkPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'policies',
            element: (
              <RequirePermission permission="policies:read">
                {page(() => import('../features/reform/PoliciesPage'), 'PoliciesPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'tasks',
            element: (
              <RequirePermission permission="tasks:read">
                {page(() => import('../features/reform/TasksPage'), 'TasksPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'tasks/:taskId',
            element: (
              <RequirePermission permission="tasks:read">
                {page(() => import('../features/reform/TaskDetailPage'), 'TaskDetailPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'supervision',
            element: (
              <RequirePermission permission="tasks:read">
                {page(() => import('../features/reform/SupervisionPage'), 'SupervisionPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'meetings',
            element: (
              <RequirePermission permission="meetings:read">
                {page(() => import('../features/reform/MeetingsPage'), 'MeetingsPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'summary',
            element: (
              <RequirePermission permission="tasks:read">
                {page(() => import('../features/reform/SummaryPage'), 'SummaryPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'workers',
            element: (
              <RequirePermission permission="workers:read">
                {page(() => import('../features/workers/WorkersPage'), 'WorkersPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'workers/import',
            element: (
              <RequirePermission permission="workers:import">
                {page(() => import('../features/imports/ImportWorkersPage'), 'ImportWorkersPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'workers/:workerId',
            element: (
              <RequirePermission permission="workers:read">
                {page(() => import('../features/workers/WorkerProfilePage'), 'WorkerProfilePage')}
              </RequirePermission>
            ),
          },
          {
            path: 'conversion',
            element: (
              <RequirePermission permission="conversion:read">
                {page(() => import('../features/conversion/ConversionPage'), 'ConversionPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'conversion/workers/:workerId',
            element: (
              <RequirePermission permission="conversion:read">
                {page(() => import('../features/conversion/WorkerPathwaysPage'), 'WorkerPathwaysPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'conversion/applications/:applicationId/certificate',
            element: (
              <RequirePermission permission="conversion:read">
                {page(() => import('../features/conversion/CertificatePage'), 'CertificatePage')}
              </RequirePermission>
            ),
          },
          {
            path: 'conversion/analysis',
            element: (
              <RequirePermission permission="conversion:analyze">
                {page(() => import('../features/conversion/AnalysisPage'), 'AnalysisPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'conversion/rules',
            element: (
              <RequirePermission permission="rules:read">
                {page(() => import('../features/conversion/RulesPage'), 'RulesPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/SkillsOverviewPage'), 'SkillsOverviewPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/carriers',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/CarriersPage'), 'CarriersPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/carriers/:carrierId',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/CarrierDetailPage'), 'CarrierDetailPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/programs',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/ProgramsPage'), 'ProgramsPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/programs/:programId',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/ProgramDetailPage'), 'ProgramDetailPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/innovation',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/InnovationPage'), 'InnovationPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/innovation/:achievementId',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/AchievementDetailPage'), 'AchievementDetailPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'skills/alignment',
            element: (
              <RequirePermission permission="skills:read">
                {page(() => import('../features/skills/AlignmentPage'), 'AlignmentPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'dashboard',
            element: (
              <RequirePermission permission="indicators:read">
                {page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'dashboard/bulletin',
            element: (
              <RequirePermission permission="indicators:read">
                {page(() => import('../features/dashboard/BulletinPage'), 'BulletinPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'dashboard/indicators',
            element: (
              <RequirePermission permission="indicators:manage">
                {page(() => import('../features/dashboard/IndicatorsPage'), 'IndicatorsPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'reporting',
            element: (
              <RequirePermission permission="data:enter">
                {page(() => import('../features/reporting/ReportingInboxPage'), 'ReportingInboxPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'reporting/entries/:formId/:orgId/:period',
            element: (
              <RequirePermission permission="data:enter">
                {page(() => import('../features/reporting/EntryPage'), 'EntryPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'reporting/approvals',
            element: (
              <RequirePermission permission="data:approve">
                {page(() => import('../features/reporting/ApprovalsPage'), 'ApprovalsPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'reporting/forms',
            element: (
              <RequirePermission permission="indicators:manage">
                {page(() => import('../features/reporting/FormsAdminPage'), 'FormsAdminPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            element: (
              <RequirePermission permission="users:read">
                {page(() => import('../features/users/UsersPage'), 'UsersPage')}
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit:read">
                {page(() => import('../features/audit/AuditPage'), 'AuditPage')}
              </RequirePermission>
            ),
          },
          { path: 'account', element: page(() => import('../features/account/AccountPage'), 'AccountPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
