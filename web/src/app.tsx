/**
 * The shell: skip link, navigation, and one route per page. A data router (not <BrowserRouter>),
 * because Compose blocks in-app navigation while a note has unsaved words (useBlocker).
 */
import { lazy, Suspense } from 'react';
import {
  createBrowserRouter,
  createRoutesFromElements,
  NavLink,
  Outlet,
  Route,
  RouterProvider,
} from 'react-router';
import { useCoachesSomeone } from './components/coaching-nav';
import { Loading } from './components/notes';
import { SettingsProvider, useSettings } from './components/settings-context';
import { SignOutButton } from './components/sign-out-button';
import { CoachingAcceptPage } from './pages/coaching-accept-page';
import { CoachingClientPage } from './pages/coaching-client-page';
import { CoachingDashboardPage } from './pages/coaching-dashboard-page';
import { ComposePage } from './pages/compose-page';
import { DebriefPage } from './pages/debrief-page';
import { ImportPage } from './pages/import-page';
import { NotFoundPage } from './pages/not-found-page';
import { OpportunityPage } from './pages/opportunity-page';
import { PeoplePage, PersonPage } from './pages/people-page';
import { PipelinePage } from './pages/pipeline-page';
import { SettingsPage } from './pages/settings-page';
import { ResetPasswordPage, SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

// Charts are the heaviest code; only the Insights page pays for them.
const InsightsPage = lazy(() => import('./pages/insights-page').then((m) => ({ default: m.InsightsPage })));

const NAV = [
  ['/', 'Today'],
  ['/pipeline', 'Pipeline'],
  ['/people', 'People'],
  ['/insights', 'Insights'],
  ['/import', 'Import'],
  ['/settings', 'Settings'],
] as const;

function Shell() {
  return (
    <SettingsProvider>
      <Frame />
    </SettingsProvider>
  );
}

/** Inside the settings, which say the mode: hosted-only parts are neither shown nor asked for locally. */
function Frame() {
  // Coaching appears only for someone who coaches (hosted mode), just before Settings.
  const coaches = useCoachesSomeone(useSettings().hosted);
  const nav = coaches ? [...NAV.slice(0, -1), ['/coaching', 'Coaching'] as const, ...NAV.slice(-1)] : NAV;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Afterview</span>
        <nav aria-label="Main">
          <ul>
            {nav.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/'}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SignOutButton />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      {/* Hosted mode's doors: outside the shell, since nothing in it works before signing in. */}
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route element={<Shell />}>
        <Route path="/" element={<TodayPage />} />
        <Route path="/pipeline" element={<PipelinePage />} />
        <Route path="/opportunities/:id" element={<OpportunityPage />} />
        <Route path="/interviews/:id/debrief" element={<DebriefPage />} />
        <Route path="/compose" element={<ComposePage />} />
        <Route path="/people" element={<PeoplePage />} />
        <Route path="/people/:id" element={<PersonPage />} />
        <Route path="/insights" element={<InsightsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/coaching" element={<CoachingDashboardPage />} />
        <Route path="/coaching/accept" element={<CoachingAcceptPage />} />
        <Route path="/coaching/:clientId" element={<CoachingClientPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </>,
  ),
);

export function App() {
  return <RouterProvider router={router} />;
}
