/** Routes: landing and results load with the app; the play route is split out with React.lazy so
 *  Phaser and the engine download only when someone plays. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { Header } from './ui/Header';
import Landing from './ui/Landing';
import ResultsPage from './ui/ResultsPage';

const PlayPage = lazy(() => import('./ui/PlayPage'));

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <Header />
      <Switch>
        <Route path="/" component={Landing} />
        <Route path="/results" component={ResultsPage} />
        <Route path="/play/:scenarioId">
          {(params) => (
            <Suspense fallback={<p role="status">{t('play.loading')}</p>}>
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
