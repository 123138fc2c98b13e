import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../identity/RequireRole.tsx';

// Each page is its own chunk, as in app/routes.tsx.
const PlansPage = lazy(() => import('./PlansPage.tsx'));
const PlanRedirect = lazy(() => import('./PlanRedirect.tsx'));
const ComparePage = lazy(() => import('./ComparePage.tsx'));
const VersionPage = lazy(() => import('./VersionPage.tsx'));
const TreeTab = lazy(() => import('./TreeTab.tsx'));
const MatrixTab = lazy(() => import('./MatrixTab.tsx'));
const ActsTab = lazy(() => import('./ActsTab.tsx'));
const ChangelogTab = lazy(() => import('./ChangelogTab.tsx'));
const PrintPage = lazy(() => import('./PrintPage.tsx'));
const ItemPage = lazy(() => import('./ItemPage.tsx'));
const ItemEditPage = lazy(() => import('./ItemEditPage.tsx'));
const ItemCreatePage = lazy(() =>
  import('./ItemEditPage.tsx').then((module) => ({ default: module.ItemCreatePage })),
);

const version = 'piano/:slug/versioni/:number';

/** `/piano/…`: plans, versions (tree, matrix, acts, changes), items, comparison, print view. */
export const planRoutes: RouteObject[] = [
  { path: 'piano', element: <PlansPage /> },
  { path: 'piano/:slug', element: <PlanRedirect /> },
  { path: 'piano/:slug/confronta', element: <ComparePage /> },
  {
    path: version,
    element: <VersionPage />,
    children: [
      { index: true, element: <TreeTab /> },
      { path: 'matrice', element: <MatrixTab /> },
      { path: 'atti', element: <ActsTab /> },
      { path: 'modifiche', element: <ChangelogTab /> },
    ],
  },
  { path: `${version}/stampa`, element: <PrintPage /> },
  { path: `${version}/obiettivi/:key`, element: <ItemPage /> },
  { path: `${version}/azioni/:key`, element: <ItemPage /> },
  {
    path: `${version}/obiettivi/nuovo`,
    element: (
      <RequireRole>
        <ItemCreatePage kind="goal" />
      </RequireRole>
    ),
  },
  {
    path: `${version}/azioni/nuova`,
    element: (
      <RequireRole>
        <ItemCreatePage kind="action" />
      </RequireRole>
    ),
  },
  {
    path: `${version}/obiettivi/:key/modifica`,
    element: (
      <RequireRole>
        <ItemEditPage />
      </RequireRole>
    ),
  },
  {
    path: `${version}/azioni/:key/modifica`,
    element: (
      <RequireRole>
        <ItemEditPage />
      </RequireRole>
    ),
  },
];
