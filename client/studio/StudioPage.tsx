/** /studio: the scenario studio for signed-in instructors, managers and admins. Asks the server who
 *  is signed in (a trainee is turned away; without a network the browser's drafts still open), shows
 *  the start screen, and loads the editor's own chunk once a draft is open. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, HttpError, type Me } from '../ui/dashboard/dashboardApi';
import { SignInForm } from '../ui/dashboard/SignInForm';
import { StartScreen } from './start/StartScreen';
import './studioI18n';
import './studio.css';

const EditorShell = lazy(() => import('./EditorShell'));

type Who = { state: 'loading' } | { state: 'signedOut' } | { state: 'offline' } | { state: 'in'; me: Me };

export default function StudioPage() {
  const { t } = useTranslation();
  const [who, setWho] = useState<Who>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    api.me().then(
      (me) => setWho({ state: 'in', me }),
      (err: unknown) => setWho(err instanceof HttpError && err.status === 401 ? { state: 'signedOut' } : { state: 'offline' }),
    );
  }, []);
  if (who.state === 'loading') return <main id="main" className="studio"><p role="status">{t('studio.loading')}</p></main>;
  if (who.state === 'signedOut') {
    return (
      <main id="main" className="studio studio-signin">
        <p>{t('studio.signInNeeded')}</p>
        <SignInForm onSignedIn={(me) => setWho({ state: 'in', me })} />
      </main>
    );
  }
  if (who.state === 'in' && who.me.user.role === 'trainee') {
    return (
      <main id="main" className="studio">
        <h1>{t('studio.start.title')}</h1>
        <p role="alert">{t('studio.forbidden')}</p>
      </main>
    );
  }
  const author = who.state === 'in' ? who.me.user.displayName : 'studio';
  return (
    <main id="main" className={`studio${editing ? ' editing' : ''}`}>
      {who.state === 'offline' && <p className="notice">{t('studio.offline')}</p>}
      {editing ? (
        <Suspense fallback={<p role="status">{t('studio.loadingEditor')}</p>}>
          <EditorShell onClose={() => setEditing(false)} />
        </Suspense>
      ) : (
        <StartScreen author={author} onOpen={() => setEditing(true)} />
      )}
    </main>
  );
}
