import { lazy } from 'react';
import { Navigate, Outlet, type RouteObject } from 'react-router';
import { adminRoles } from '../modules/identity/policy.ts';
import { RequireRole } from '../modules/identity/RequireRole.tsx';
import { planRoutes } from '../modules/plan/routes.tsx';
import { reservedAreaRoles } from '../modules/projects/policy.ts';
import { projectAdminRoutes, projectRoutes } from '../modules/projects/routes.tsx';
import { Layout } from './shell/Layout.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';

// Every page is its own chunk: the first visit downloads only the shell and the page it opens.
const HomePage = lazy(() => import('../modules/territory/HomePage.tsx'));
const ComuniListPage = lazy(() => import('../modules/territory/ComuniListPage.tsx'));
const ComunePage = lazy(() => import('../modules/territory/ComunePage.tsx'));
const ZonesPage = lazy(() => import('../modules/territory/ZonesPage.tsx'));
const ZonePage = lazy(() => import('../modules/territory/ZonePage.tsx'));
const LoginPage = lazy(() => import('../modules/identity/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('../modules/identity/ChangePasswordPage.tsx'));
const AdminLayout = lazy(() => import('../modules/admin/AdminLayout.tsx'));
const UsersPage = lazy(() => import('../modules/admin/UsersPage.tsx'));
const OrgUnitsPage = lazy(() => import('../modules/admin/OrgUnitsPage.tsx'));
const ZonesAdminPage = lazy(() => import('../modules/admin/ZonesAdminPage.tsx'));
const AuditPage = lazy(() => import('../modules/admin/AuditPage.tsx'));
const AdminIndex = lazy(() => import('../modules/admin/AdminIndex.tsx'));

/**
 * The client's routes (`router.ts` serves them). A new first segment must also be named in
 * `src/server/clientSections.ts`, or its pages are sent with a 404 status.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'comuni', element: <ComuniListPage /> },
      { path: 'comuni/:code', element: <ComunePage /> },
      { path: 'zone', element: <ZonesPage /> },
      { path: 'zone/:id', element: <ZonePage /> },
      ...planRoutes,
      ...projectRoutes,
      { path: 'accedi', element: <LoginPage /> },
      {
        path: 'account/password',
        element: (
          <RequireRole>
            <ChangePasswordPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireRole roles={reservedAreaRoles}>
            <AdminLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <AdminIndex /> },
          {
            // The PNRR unit enters the reserved area for imports and links only.
            element: (
              <RequireRole roles={adminRoles}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              {
                path: 'utenti',
                element: (
                  <RequireRole roles={['system_admin']}>
                    <UsersPage />
                  </RequireRole>
                ),
              },
              { path: 'unita-organizzative', element: <OrgUnitsPage /> },
              { path: 'zone', element: <ZonesAdminPage /> },
              { path: 'registro-attivita', element: <AuditPage /> },
            ],
          },
          ...projectAdminRoutes,
          { path: '*', element: <Navigate to="/admin" replace /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
