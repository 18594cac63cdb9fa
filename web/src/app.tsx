import { App as AntApp } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth-provider';
import { AppLayout } from './components/app-layout';
import { PageLoading } from './components/page-loading';
import { I18nProvider } from './i18n/i18n-provider';

// Each view is its own chunk: the first view loads only what it shows, and starts loading at once, while the
// session is being checked.
const firstView = import('./pages/plan-table-page');
const PlanTablePage = lazy(() => firstView);
const ImportsPage = lazy(() => import('./pages/imports-page'));
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
      { index: true, element: <Navigate to="/plans" replace /> },
      { path: 'plans/:planId?', element: <PlanTablePage /> },
      { path: 'imports', element: <ImportsPage /> },
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
