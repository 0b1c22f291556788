/** A photo or scanned plan under the floor to trace over: load it (an image of at most 10 MB; anything
 *  else is refused with the reason), set its opacity, and scale it by clicking two points a known
 *  distance apart and typing that distance in metres. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_SIZE_M } from '../../../engine/index';
import type { Pt } from '../model/cellTools';
import { useStudio } from '../model/studioStore';
import { backgroundProblem, useBackgrounds } from './backgroundStore';

export function BackgroundPanel({ scalePoints, clearScale }: { scalePoints: [Pt, Pt] | null; clearScale: () => void }) {
  const { t } = useTranslation();
  const floorId = useStudio((s) => s.draft.world.floors[s.floor]?.id ?? '');
  const setTool = useStudio((s) => s.setTool);
  const bg = useBackgrounds((s) => s.byFloor[floorId]);
  const setBg = useBackgrounds((s) => s.set);
  const patch = useBackgrounds((s) => s.patch);
  const [error, setError] = useState<string | null>(null);
  const [metres, setMetres] = useState('');

  const load = (file: File | undefined): void => {
    if (!file) return;
    const problem = backgroundProblem(file);
    if (problem) {
      setError(t(`studio.background.${problem}`, { name: file.name }));
      return;
    }
    setError(null);
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') setBg(floorId, { dataUrl: reader.result, opacity: 0.5, cellsPerPx: 0.1, x: 0, y: 0 });
    };
    reader.onerror = () => setError(t('studio.background.unreadable', { name: file.name }));
    reader.readAsDataURL(file);
  };

  const applyScale = (): void => {
    const m = Number(metres.replace(',', '.'));
    if (!scalePoints || !bg || !(m > 0)) {
      setError(t('studio.background.badDistance'));
      return;
    }
    const [a, b] = scalePoints;
    const cells = Math.hypot(a.x - b.x, a.y - b.y);
    if (cells === 0) return;
    patch(floorId, { cellsPerPx: ((m / CELL_SIZE_M) * bg.cellsPerPx) / cells });
    setMetres('');
    setError(null);
    clearScale();
    setTool({ kind: 'select' });
  };

  return (
    <section className="background-panel" aria-labelledby="bg-title">
      <h2 id="bg-title">{t('studio.background.title')}</h2>
      <label className="field">
        <span>{t('studio.background.load')}</span>
        <input type="file" accept="image/*" data-testid="background-file" onChange={(e) => load(e.target.files?.[0])} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {bg && (
        <>
          <label className="field">
            <span>{t('studio.background.opacity', { pct: Math.round(bg.opacity * 100) })}</span>
            <input type="range" min={0} max={1} step={0.05} value={bg.opacity} onChange={(e) => patch(floorId, { opacity: Number(e.target.value) })} />
          </label>
          <div className="row-buttons">
            <button type="button" className="button small" onClick={() => setTool({ kind: 'scale' })}>
              {t('studio.background.scale')}
            </button>
            <button type="button" className="button small danger" onClick={() => setBg(floorId, null)}>
              {t('studio.background.remove')}
            </button>
          </div>
          {scalePoints && (
            <form className="scale-form" onSubmit={(e) => {
              e.preventDefault();
              applyScale();
            }}>
              <label className="field">
                <span>{t('studio.background.distance')}</span>
                <input inputMode="decimal" value={metres} autoFocus onChange={(e) => setMetres(e.target.value)} />
              </label>
              <button type="submit" className="button small primary">
                {t('studio.background.apply')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
