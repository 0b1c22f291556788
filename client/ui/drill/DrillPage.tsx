/** /drill/:code: a trainee joins with a name; then the lobby, the trainee's view or the instructor's
 *  console, and the debrief. The trainee's view and the console's map are the solo play surface over a
 *  NetworkSession (DrillSurface); the page adds the drill's own parts: status, seats, injects, radio. */
import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TICK_MS } from '../../../engine/index';
import { useRoleName } from './useRoleName';
import { CLOSE_MALFORMED, CLOSE_OUT_OF_ROLE, CLOSE_RATE, canResume, getView, joinDrill, JOIN_CODE, leaveDrill, resumeDrill, send, subscribe, type Debrief, type DrillSnapshot } from './drillSession';
import { CrewOptions } from './CrewOptions';

// The play surface brings Phaser and the engine: loaded once a seat needs it, never for the join form.
const DrillSurface = lazy(() => import('./DrillSurface'));

type Lang = 'vi' | 'en';

function elapsed(tick: number): string {
  const s = Math.floor((tick * TICK_MS) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function closeMessageKey(code: number): string {
  if (code === CLOSE_MALFORMED) return 'drill.closed.malformed';
  if (code === CLOSE_OUT_OF_ROLE) return 'drill.closed.outOfRole';
  if (code === CLOSE_RATE) return 'drill.closed.rate';
  return 'drill.closed.other';
}

function JoinForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await joinDrill(code, name.trim());
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="drill-form">
      <label>
        {t('drill.yourName')} <input data-testid="join-name" value={name} maxLength={40} required onChange={(e) => setName(e.target.value)} />
      </label>{' '}
      <button type="submit" className="button primary" disabled={busy}>
        {t('drill.join')}
      </button>
      {failed && <p role="alert">{t('drill.joinFailed')}</p>}
    </form>
  );
}

/** A seated trainee on the crew's radio channel: heard by everyone, logged nowhere in the run. */
function RadioForm({ live }: { live: boolean }) {
  const { t } = useTranslation();
  const [radio, setRadio] = useState('');
  return (
    <section aria-labelledby="drill-talk">
      <h2 id="drill-talk">{t('drill.actions.radio')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!radio.trim() || !live) return;
          send('radio', { text: radio.trim() });
          setRadio('');
        }}
      >
        <input data-testid="crew-radio" aria-label={t('drill.actions.radio')} value={radio} maxLength={200} onChange={(e) => setRadio(e.target.value)} />{' '}
        <button type="submit" className="button" disabled={!live}>
          {t('drill.sendRadio')}
        </button>
      </form>
    </section>
  );
}

function Status({ snap }: { snap: DrillSnapshot }) {
  const { t } = useTranslation();
  return (
    <dl className="drill-status">
      <dt>{t('drill.statusLabel')}</dt>
      <dd data-testid="drill-status">{t(`drill.status.${snap.status}`, { defaultValue: snap.status })}</dd>
      <dt>{t('drill.phase')}</dt>
      <dd data-testid="drill-phase">{snap.phase ? t(`phase.${snap.phase}`, { defaultValue: snap.phase }) : '—'}</dd>
      <dt>{t('drill.elapsed')}</dt>
      <dd data-testid="drill-elapsed">{elapsed(snap.tick)}</dd>
    </dl>
  );
}

function TraineeView({ snap, me }: { snap: DrillSnapshot; me: string }) {
  const { t } = useTranslation();
  const crewId = snap.participants.find((p) => p.id === me)?.crewId ?? '';
  const crew = snap.crew.find((c) => c.id === crewId);
  const roleName = useRoleName(snap.scenarioId);
  return (
    <>
      <Status snap={snap} />
      <p data-testid="my-crew">{crew ? t('drill.crewLine', { id: crew.id, role: roleName(crew.role) }) : t('drill.noCrew')}</p>
      {crew && <p data-testid="my-position">{t('drill.position', { x: crew.x, y: crew.y, floor: crew.floor })}</p>}
      <Suspense fallback={<p role="status">{t('drill.map.loading')}</p>}>
        <DrillSurface scenarioId={snap.scenarioId} seat="crew" side={crew ? <RadioForm live={snap.status === 'running' || snap.status === 'paused'} /> : undefined} />
      </Suspense>
    </>
  );
}

function Lobby({ snap }: { snap: DrillSnapshot }) {
  const { t } = useTranslation();
  const link = `${location.origin}/drill/${snap.code}`;
  const trainees = snap.participants.filter((p) => !p.instructor);
  const roleName = useRoleName(snap.scenarioId);
  return (
    <section aria-labelledby="drill-lobby">
      <h2 id="drill-lobby">{t('drill.lobby')}</h2>
      <p>
        {t('drill.code')} <strong data-testid="drill-code">{snap.code}</strong>
      </p>
      <p>
        {t('drill.link')} <a href={link}>{link}</a>
      </p>
      {trainees.length === 0 ? (
        <p>{t('drill.nobodyYet')}</p>
      ) : (
        <ul data-testid="lobby">
          {trainees.map((p) => (
            <li key={p.id}>
              <label>
                {p.name || t('drill.unnamed')}
                {!p.connected && ` (${t('drill.away')})`}{' '}
                <select aria-label={t('drill.assignFor', { name: p.name || t('drill.unnamed') })} value={p.crewId} onChange={(e) => send('assignRole', { participantId: p.id, crewId: e.target.value || null })}>
                  <option value="">{t('drill.spectator')}</option>
                  <CrewOptions crew={snap.crew} roleName={roleName} />
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Console({ snap, lang }: { snap: DrillSnapshot; lang: Lang }) {
  const { t } = useTranslation();
  const [radio, setRadio] = useState('');
  const live = snap.status === 'running' || snap.status === 'paused';
  const names = new Map(snap.participants.map((p) => [p.id, p.name || t('drill.unnamed')]));
  const roleName = useRoleName(snap.scenarioId);
  return (
    <>
      <Status snap={snap} />
      <div role="group" aria-label={t('drill.controls')} className="drill-controls">
        {snap.status === 'lobby' && (
          <button type="button" className="button primary" onClick={() => send('start')}>
            {t('drill.start')}
          </button>
        )}
        {snap.status === 'running' && (
          <button type="button" className="button" onClick={() => send('pause')}>
            {t('drill.pause')}
          </button>
        )}
        {snap.status === 'paused' && (
          <button type="button" className="button" onClick={() => send('resume')}>
            {t('drill.resume')}
          </button>
        )}
        {live && (
          <button type="button" className="button" onClick={() => send('end')}>
            {t('drill.end')}
          </button>
        )}
      </div>
      <section aria-labelledby="drill-crew">
        <h2 id="drill-crew">{t('drill.crew')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('drill.crewId')}</th>
              <th scope="col">{t('drill.role')}</th>
              <th scope="col">{t('drill.playedBy')}</th>
              <th scope="col">{t('drill.where')}</th>
            </tr>
          </thead>
          <tbody>
            {snap.crew.map((c) => (
              <tr key={c.id}>
                <td>{c.id}</td>
                <td>{roleName(c.role)}</td>
                <td>{c.bot ? t('drill.bot') : (names.get(c.occupant) ?? '—')}</td>
                <td>{t('drill.position', { x: c.x, y: c.y, floor: c.floor })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Suspense fallback={<p role="status">{t('drill.map.loading')}</p>}>
        <DrillSurface scenarioId={snap.scenarioId} seat="observer" />
      </Suspense>
      {live && (
        <section aria-labelledby="drill-injects">
          <h2 id="drill-injects">{t('drill.injects')}</h2>
          <div className="drill-injects">
            {snap.injects.map((i) => (
              <button key={i.id} type="button" className="button" onClick={() => send('inject', { kind: 'scenario', id: i.id })}>
                {lang === 'en' ? i.labelEn : i.labelVi}
              </button>
            ))}
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!radio.trim()) return;
              send('inject', { kind: 'freeRadio', text: radio.trim() });
              setRadio('');
            }}
          >
            <label>
              {t('drill.freeRadio')} <input data-testid="free-radio" value={radio} maxLength={200} onChange={(e) => setRadio(e.target.value)} />
            </label>{' '}
            <button type="submit" className="button">
              {t('drill.sendRadio')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}

function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

function DebriefView({ debrief }: { debrief: Debrief }) {
  const { t } = useTranslation();
  const score = (s: { percent: number; passed: boolean } | null | undefined): string => (s ? t('drill.score', { percent: Math.round(s.percent), result: t(s.passed ? 'drill.passed' : 'drill.failed') }) : '—');
  return (
    <section aria-labelledby="drill-debrief" data-testid="drill-debrief">
      <h2 id="drill-debrief">{t('drill.debrief')}</h2>
      <p data-testid="team-score">
        {t('drill.team')}: {score(debrief.team)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('drill.participant')}</th>
            <th scope="col">{t('drill.crew')}</th>
            <th scope="col">{t('drill.scoreHead')}</th>
          </tr>
        </thead>
        <tbody>
          {debrief.participants
            .filter((p) => !p.instructor)
            .map((p) => (
              <tr key={p.id} data-testid="participant-score">
                <td>{p.name || t('drill.unnamed')}</td>
                <td>{p.crewIds.join(', ') || t('drill.spectator')}</td>
                <td>{score(debrief.scores[p.id])}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {debrief.injectResponses.length > 0 && (
        <table data-testid="inject-responses">
          <caption>{t('drill.injectResponses')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drill.injectAt')}</th>
              <th scope="col">{t('drill.injectKind')}</th>
              <th scope="col">{t('drill.responseTime')}</th>
            </tr>
          </thead>
          <tbody>
            {debrief.injectResponses.map((r) => (
              <tr key={`${r.tick}-${r.kind}`}>
                <td>{formatClock(r.tick / 5)}</td>
                <td>{t(`drill.injectKinds.${r.kind}`)}</td>
                <td>{r.responseS === null ? t('drill.noResponse') : t('drill.seconds', { seconds: r.responseS.toFixed(1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!debrief.stored && <p role="alert">{t('drill.notStored')}</p>}
    </section>
  );
}

export default function DrillPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const view = useSyncExternalStore(subscribe, getView);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const mine = view.room !== null && view.room.roomId === code;
  const snap = mine ? view.snapshot : null;
  const me = snap?.participants.find((p) => p.id === view.sessionId);
  // After a reload this tab takes its seat back (within the room's reconnection window) before asking for a name.
  const [resuming, setResuming] = useState(() => !mine && JOIN_CODE.test(code) && canResume(code));
  useEffect(() => {
    if (!resuming) return;
    let live = true;
    resumeDrill(code)
      .catch(() => undefined)
      .finally(() => live && setResuming(false));
    return () => {
      live = false;
    };
  }, [resuming, code]);

  let body;
  if (!JOIN_CODE.test(code)) body = <p role="alert">{t('drill.badCode')}</p>;
  else if (!mine && resuming) body = <p role="status">{t('drill.connecting')}</p>;
  else if (!mine) body = <JoinForm code={code} />;
  else if (!snap || !me) body = <p role="status">{t('drill.connecting')}</p>;
  else if (me.instructor)
    body = (
      <>
        {snap.status === 'lobby' && <Lobby snap={snap} />}
        <Console snap={snap} lang={lang} />
      </>
    );
  else body = <TraineeView snap={snap} me={view.sessionId} />;

  return (
    <main id="main" className="page drill">
      <h1>{t('drill.title', { code })}</h1>
      {mine && view.closed !== null && !view.debrief && (
        <p role="alert" data-testid="drill-closed">
          {t(closeMessageKey(view.closed), { code: view.closed })}
        </p>
      )}
      {mine && view.debrief && <DebriefView debrief={view.debrief} />}
      {body}
      {mine && (
        <p>
          {/* Leaving hands the crew member back to the bot at once instead of after the reconnection wait. */}
          <button type="button" className="button" onClick={leaveDrill}>
            {t('drill.leave')}
          </button>
        </p>
      )}
    </main>
  );
}
