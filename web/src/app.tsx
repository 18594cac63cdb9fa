import { App as AntApp } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth-provider';
import { AppLayout } from './components/app-layout';
import { PageLoading } from './components/page-loading';
import { I18nProvider } from './i18n/i18n-provider';

// Each view is its own chunk: the first view loads only what it shows, and starts loading at once, while the
// session is being checked.
const firstView = import('./pages/overview-page');
const OverviewPage = lazy(() => firstView);
const PlanTablePage = lazy(() => import('./pages/plan-table-page'));
const IndicatorDetailPage = lazy(() => import('./pages/indicator-detail-page'));
const ComparePage = lazy(() => import('./pages/compare-page'));
const ImportsPage = lazy(() => import('./pages/imports-page'));
const ManualValuesPage = lazy(() => import('./pages/manual-values-page'));
const ReportsPage = lazy(() => import('./pages/reports-page'));
const TasksPage = lazy(() => import('./pages/tasks-page'));
const ResidentsPage = lazy(() => import('./pages/residents-page'));
const ResidentPage = lazy(() => import('./pages/resident-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));
const SignInPage = lazy(() => import('./pages/sign-in-page'));

const router = createBrowserRouter([
  {
    path: 'sign-in',
    element: (
      <Suspense fallback={<PageLoading />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      { path: 'overview', element: <OverviewPage /> },
      { path: 'plans/:planId?', element: <PlanTablePage /> },
      { path: 'plans/:planId/indicators/:position', element: <IndicatorDetailPage /> },
      { path: 'compare', element: <ComparePage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'manual-values', element: <ManualValuesPage /> },
      { path: 'plans/:planId/manual-values', element: <ManualValuesPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'plans/:planId/tasks', element: <TasksPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'residents', element: <ResidentsPage /> },
      { path: 'residents/:county/:id', element: <ResidentPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </I18nProvider>
  );
}
