/** /drill/new: an instructor picks a scenario and a name and opens a drill, then lands on the drill's
 *  own page (lobby and console). Opens the room only; must not talk to the engine. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { listScenarios, type ScenarioSummary } from '../../store/api';
import { openDrill } from './drillSession';

export default function DrillNewPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [scenarioId, setScenarioId] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  useEffect(() => {
    let live = true;
    void listScenarios().then(({ scenarios: list }) => {
      if (!live) return;
      setScenarios(list);
      setScenarioId((current) => current || (list[0]?.id ?? ''));
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!scenarioId) return;
    setBusy(true);
    setFailed(false);
    try {
      const code = await openDrill(scenarioId, name.trim());
      navigate(`/drill/${code}`);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page drill">
      <h1>{t('drill.newTitle')}</h1>
      <p>{t('drill.newIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="drill-form">
        <label>
          {t('drill.scenario')}{' '}
          <select data-testid="drill-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('drill.yourName')} <input data-testid="drill-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit" className="button primary" disabled={busy || !scenarioId}>
          {t('drill.open')}
        </button>
      </form>
      {failed && <p role="alert">{t('drill.openFailed')}</p>}
    </main>
  );
}
