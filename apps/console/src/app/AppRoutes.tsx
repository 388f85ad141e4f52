import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { onSessionChange, readSession } from '../auth/session.js';
import { SignInPage } from '../auth/SignInPage.js';
import { useMe } from '../auth/use-me.js';
import { PageState } from '../shared/PageState.js';
import { AppLayout } from './AppLayout.js';
import { visibleMenu } from './menu.js';
import { SCREENS } from './screens.js';

const CallsPage = lazy(SCREENS.calls);
const ReferralsPage = lazy(SCREENS.referrals);
const CasesPage = lazy(SCREENS.cases);
const CasePage = lazy(SCREENS.case);
const JusticePage = lazy(SCREENS.justice);
const ProsecutionPage = lazy(SCREENS.prosecution);
const TrialPage = lazy(SCREENS.trial);
const StatisticsPage = lazy(SCREENS.statistics);
const PublicationsPage = lazy(SCREENS.publications);
const AuditPage = lazy(SCREENS.audit);
const AssistancePage = lazy(SCREENS.assistance);

function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(() => readSession() !== null);
  useEffect(() => onSessionChange((session) => setSignedIn(session !== null)), []);
  return signedIn;
}

/** Signed out (or expired): to sign-in, remembering where the user was so they come back to it and its draft. */
function RequireSession({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/sign-in" replace state={{ next: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Home() {
  const me = useMe();
  if (!me.data) return <PageState query={me} />;
  const first = visibleMenu(me.data.allowed)[0];
  return first ? <Navigate to={first.path} replace /> : <PageState query={me} empty />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route
          path="llamadas"
          element={
            <Lazy>
              <CallsPage />
            </Lazy>
          }
        />
        <Route
          path="derivaciones"
          element={
            <Lazy>
              <ReferralsPage />
            </Lazy>
          }
        />
        <Route
          path="casos"
          element={
            <Lazy>
              <CasesPage />
            </Lazy>
          }
        />
        <Route
          path="casos/:caseId"
          element={
            <Lazy>
              <CasePage />
            </Lazy>
          }
        />
        <Route
          path="asistencia"
          element={
            <Lazy>
              <AssistancePage />
            </Lazy>
          }
        />
        <Route
          path="justicia"
          element={
            <Lazy>
              <JusticePage />
            </Lazy>
          }
        />
        <Route
          path="fiscalia/:prosecutionId"
          element={
            <Lazy>
              <ProsecutionPage />
            </Lazy>
          }
        />
        <Route
          path="juicios/:trialId"
          element={
            <Lazy>
              <TrialPage />
            </Lazy>
          }
        />
        <Route
          path="estadisticas"
          element={
            <Lazy>
              <StatisticsPage />
            </Lazy>
          }
        />
        <Route
          path="publicaciones"
          element={
            <Lazy>
              <PublicationsPage />
            </Lazy>
          }
        />
        <Route
          path="auditoria"
          element={
            <Lazy>
              <AuditPage />
            </Lazy>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageState loading />}>{children}</Suspense>;
}
