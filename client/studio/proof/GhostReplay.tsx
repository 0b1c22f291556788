/** The replay of one bot's ghost run: a slider over its frames (one a second), play and pause, and the
 *  floor to watch; crew in blue, casualties in yellow (green once safe, black if dead), fires in orange. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKS_PER_SECOND } from '../../../engine/index';
import { mmss } from '../../ui/text';
import { useStudio } from '../model/studioStore';
import { FieldMap } from './FieldMap';
import type { BotResult } from './ghostRun';

export function GhostReplay({ result }: { result: BotResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const floors = useStudio((s) => s.draft.world.floors);
  const [at, setAt] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [floor, setFloor] = useState(0);
  const last = result.frames.length - 1;
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => setAt((a) => (a >= last ? (setPlaying(false), a) : a + 1)), 100);
    return () => window.clearInterval(id);
  }, [playing, last]);
  const frame = result.frames[Math.min(at, last)];
  const f = floors[floor];
  if (!frame || !f) return null;
  const name = t(`studio.ghost.${result.bot}`);
  return (
    <div className="ghost-replay">
      <div className="replay-controls">
        <button type="button" className="button small" onClick={() => setPlaying((p) => !p)}>
          {playing ? t('studio.ghost.pause') : t('studio.ghost.play')}
        </button>
        <label>
          <span className="visually-hidden">{t('studio.ghost.time', { bot: name })}</span>
          <input type="range" min={0} max={last} value={at} onChange={(e) => setAt(Number(e.target.value))} />
        </label>
        <output>{mmss(frame.tick / TICKS_PER_SECOND)}</output>
        <label>
          <span className="visually-hidden">{t('studio.floors.label')}</span>
          <select value={floor} onChange={(e) => setFloor(Number(e.target.value))}>
            {floors.map((x, i) => (
              <option key={x.id} value={i}>
                {x.name[lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldMap rows={f.rows} frame={frame} floor={floor} label={t('studio.ghost.mapLabel', { bot: name, time: mmss(frame.tick / TICKS_PER_SECOND) })} />
    </div>
  );
}
