/** The plan editor and its panels, loaded as its own chunk when a draft is opened: the studio bar
 *  (views, undo and redo, export, library, help), the plan with its tools and side panels, phases,
 *  rubric, scenario settings and proofs, the live check in a worker, autosave and the shortcuts. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pt } from './model/cellTools';
import { useStudio, type View } from './model/studioStore';
import { IssuesPanel } from './check/IssuesPanel';
import { useLiveCheck } from './check/useLiveCheck';
import { HelpSheet } from './HelpSheet';
import { FloorSettings, FloorTabs } from './panels/FloorPanel';
import { PropertyPanel } from './panels/PropertyPanel';
import { ScenarioPanel } from './panels/ScenarioPanel';
import { ThingsList } from './panels/ThingsList';
import { PhasesPanel } from './phases/PhasesPanel';
import { BackgroundPanel } from './plan/BackgroundPanel';
import { PlanCanvas } from './plan/PlanCanvas';
import { Toolbar } from './plan/Toolbar';
import { ProofsPanel } from './proof/ProofsPanel';
import { RubricPanel } from './rubric/RubricPanel';
import { handleShortcut } from './shortcuts';
import { exportText } from './start/importScenario';
import { LibraryBox } from './store/LibraryBox';
import { useAutosave, saveNow } from './store/useAutosave';
import { getDraft, putDraft } from './store/draftsDb';

const VIEWS: View[] = ['plan', 'phases', 'rubric', 'scenario', 'proofs'];
type Side = 'props' | 'things' | 'floor' | 'background';

export default function EditorShell({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  useLiveCheck();
  useAutosave();
  const view = useStudio((s) => s.view);
  const setView = useStudio((s) => s.setView);
  const title = useStudio((s) => s.draft.title?.[lang]);
  const canUndo = useStudio((s) => s.history.past.length > 0);
  const canRedo = useStudio((s) => s.history.future.length > 0);
  const selection = useStudio((s) => s.selection);
  const unsaved = useStudio((s) => s.revision !== s.savedRevision);
  const [help, setHelp] = useState(false);
  const [side, setSide] = useState<Side>('props');
  const [variant, setVariant] = useState('sofa');
  const [scale, setScale] = useState<[Pt, Pt] | null>(null);

  const focusPath = useStudio((s) => s.focusPath);
  useEffect(() => {
    if (selection) setSide('props');
  }, [selection]);
  // An issue chosen in the list opens the side panel that shows it.
  useEffect(() => {
    const p = focusPath?.path;
    if (!p || useStudio.getState().view !== 'plan') return;
    if (p.startsWith('$.world.floors')) setSide('floor');
    else if (!useStudio.getState().selection) setSide('things');
  }, [focusPath]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '?' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        setHelp(true);
        return;
      }
      const ran = handleShortcut(e, useStudio.getState());
      if (ran) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const exportFile = async (): Promise<void> => {
    const { draft, draftId, markSaved } = useStudio.getState();
    const blob = new Blob([exportText(draft)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${draft.id || 'scenario'}.scenario.json`;
    a.click();
    URL.revokeObjectURL(a.href);
    await saveNow();
    const stored = await getDraft(draftId);
    if (stored) await putDraft({ ...stored, savedAt: new Date().toISOString() });
    markSaved();
  };

  const leave = (): void => {
    void saveNow().then(onClose);
  };

  return (
    <div className={`studio-editor view-${view}`}>
      <div className="studio-bar">
        <h1 className="draft-title">{title || t('studio.untitled')}</h1>
        <div className="views" role="tablist" aria-label={t('studio.views')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
              {t(`studio.view.${v}`)}
            </button>
          ))}
        </div>
        <div className="bar-actions">
          <button type="button" className="button small" disabled={!canUndo} onClick={() => useStudio.getState().undo()} title="Ctrl+Z">
            {t('studio.keys.undo')}
          </button>
          <button type="button" className="button small" disabled={!canRedo} onClick={() => useStudio.getState().redo()} title="Ctrl+Shift+Z">
            {t('studio.keys.redo')}
          </button>
          <button type="button" className="button small" onClick={() => void exportFile()}>
            {t('studio.export')}
          </button>
          <button type="button" className="button small" onClick={() => setHelp(true)} aria-haspopup="dialog">
            {t('studio.keys.help')}
          </button>
          <button type="button" className="button small" onClick={leave}>
            {t('studio.backToStart')}
          </button>
          <span className={`save-state ${unsaved ? 'unsaved' : ''}`} title={unsaved ? t('studio.unsavedLong') : undefined}>
            {unsaved ? t('studio.unsaved') : t('studio.saved')}
          </span>
        </div>
      </div>
      <div className="studio-main">
        <div className="studio-content">
          {view === 'plan' && (
            <div className="plan-view">
              <Toolbar variant={variant} setVariant={setVariant} />
              <FloorTabs />
              <PlanCanvas variant={variant} onScalePoints={(a, b) => {
                setScale([a, b]);
                setSide('background');
              }} />
            </div>
          )}
          {view === 'phases' && <PhasesPanel />}
          {view === 'rubric' && <RubricPanel />}
          {view === 'scenario' && <ScenarioPanel />}
          {view === 'proofs' && (
            <>
              <ProofsPanel />
              <LibraryBox />
            </>
          )}
        </div>
        <aside className="studio-side" aria-label={t('studio.side')}>
          {view === 'plan' && (
            <>
              <div className="side-tabs" role="tablist" aria-label={t('studio.sideTabs')}>
                {(['props', 'things', 'floor', 'background'] as const).map((s) => (
                  <button key={s} type="button" role="tab" aria-selected={side === s} onClick={() => setSide(s)}>
                    {t(`studio.sideTab.${s}`)}
                  </button>
                ))}
              </div>
              <div className="side-body">
                {side === 'props' && <PropertyPanel />}
                {side === 'things' && <ThingsList />}
                {side === 'floor' && <FloorSettings />}
                {side === 'background' && <BackgroundPanel scalePoints={scale} clearScale={() => setScale(null)} />}
              </div>
            </>
          )}
          <IssuesPanel />
        </aside>
      </div>
      {help && <HelpSheet onClose={() => setHelp(false)} />}
    </div>
  );
}
