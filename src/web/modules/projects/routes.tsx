import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../identity/RequireRole.tsx';
import { pnrrRoles } from './policy.ts';

// Each page is its own chunk, as in app/routes.tsx.
const ProjectsPage = lazy(() => import('./ProjectsPage.tsx'));
const ProjectPage = lazy(() => import('./ProjectPage.tsx'));
const ProjectEditPage = lazy(() => import('./ProjectEditPage.tsx'));
const ProjectCreatePage = lazy(() =>
  import('./ProjectEditPage.tsx').then((module) => ({ default: module.ProjectCreatePage })),
);
const PnrrPage = lazy(() => import('./PnrrPage.tsx'));
const ImportsPage = lazy(() => import('./admin/ImportsPage.tsx'));
const LinksPage = lazy(() => import('./admin/LinksPage.tsx'));

/** `/progetti/…` and `/pnrr`: the projects on the territory and the PNRR money on the map. */
export const projectRoutes: RouteObject[] = [
  { path: 'progetti', element: <ProjectsPage /> },
  {
    path: 'progetti/nuovo',
    element: (
      <RequireRole>
        <ProjectCreatePage />
      </RequireRole>
    ),
  },
  { path: 'progetti/:id', element: <ProjectPage /> },
  {
    path: 'progetti/:id/modifica',
    element: (
      <RequireRole roles={pnrrRoles}>
        <ProjectEditPage />
      </RequireRole>
    ),
  },
  { path: 'pnrr', element: <PnrrPage /> },
];

/** `/admin/importazioni` and `/admin/collegamenti`, for the PNRR unit and the plan office. */
export const projectAdminRoutes: RouteObject[] = [
  {
    path: 'importazioni',
    element: (
      <RequireRole roles={pnrrRoles}>
        <ImportsPage />
      </RequireRole>
    ),
  },
  {
    path: 'collegamenti',
    element: (
      <RequireRole roles={pnrrRoles}>
        <LinksPage />
      </RequireRole>
    ),
  },
];
