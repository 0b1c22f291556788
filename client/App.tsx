/** Routes: landing, catalogue, briefing and results load with the app; play, debrief and replay are
 *  split out with React.lazy so Phaser and the engine download only when someone needs them. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { Header } from './ui/Header';
import Landing from './ui/Landing';
import ResultsPage from './ui/ResultsPage';
import Catalogue from './ui/Catalogue';
import Briefing from './ui/Briefing';

const PlayPage = lazy(() => import('./ui/PlayPage'));
const DebriefPage = lazy(() => import('./ui/DebriefPage'));
const ReplayPage = lazy(() => import('./ui/ReplayPage'));
const DashboardPage = lazy(() => import('./ui/dashboard/DashboardPage'));
const DrillNewPage = lazy(() => import('./ui/drill/DrillNewPage'));
const DrillPage = lazy(() => import('./ui/drill/DrillPage'));
const StudioPage = lazy(() => import('./studio/StudioPage'));
const PasswordPage = lazy(() => import('./ui/account/PasswordPage'));
const ReviewPage = lazy(() => import('./ui/review/ReviewPage'));

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <Header />
      <Switch>
        <Route path="/" component={Landing} />
        <Route path="/results" component={ResultsPage} />
        <Route path="/dashboard">
          <Suspense fallback={<p role="status">{t('dashboard.loading')}</p>}>
            <DashboardPage />
          </Suspense>
        </Route>
        <Route path="/account/password">
          <Suspense fallback={<p role="status">{t('dashboard.loading')}</p>}>
            <PasswordPage />
          </Suspense>
        </Route>
        <Route path="/studio">
          <Suspense fallback={<p role="status">{t('play.loading')}</p>}>
            <StudioPage />
          </Suspense>
        </Route>
        <Route path="/review">
          <Suspense fallback={<p role="status">{t('dashboard.loading')}</p>}>
            <ReviewPage />
          </Suspense>
        </Route>
        <Route path="/review/:id">
          {(params) => (
            <Suspense fallback={<p role="status">{t('dashboard.loading')}</p>}>
              <ReviewPage key={params.id} id={decodeURIComponent(params.id)} />
            </Suspense>
          )}
        </Route>
        <Route path="/drill/new">
          <Suspense fallback={<p role="status">{t('drill.connecting')}</p>}>
            <DrillNewPage />
          </Suspense>
        </Route>
        <Route path="/drill/:code">
          {(params) => (
            <Suspense fallback={<p role="status">{t('drill.connecting')}</p>}>
              <DrillPage key={params.code} code={decodeURIComponent(params.code).toUpperCase()} />
            </Suspense>
          )}
        </Route>
        <Route path="/scenarios" component={Catalogue} />
        <Route path="/briefing/:scenarioId">{(params) => <Briefing key={params.scenarioId} scenarioId={decodeURIComponent(params.scenarioId)} />}</Route>
        <Route path="/debrief/:runId">
          {(params) => (
            <Suspense fallback={<p role="status">{t('play.loadingEngine')}</p>}>
              <DebriefPage key={params.runId} runId={params.runId} />
            </Suspense>
          )}
        </Route>
        <Route path="/replay/:runId">
          {(params) => (
            <Suspense fallback={<p role="status">{t('play.loadingEngine')}</p>}>
              <ReplayPage key={params.runId} runId={params.runId} />
            </Suspense>
          )}
        </Route>
        <Route path="/play/:scenarioId">
          {(params) => (
            <Suspense fallback={<p role="status">{t('play.loadingEngine')}</p>}>
              <PlayPage key={params.scenarioId} scenarioId={decodeURIComponent(params.scenarioId)} />
            </Suspense>
          )}
        </Route>
        <Route>
          <Landing />
        </Route>
      </Switch>
    </>
  );
}
