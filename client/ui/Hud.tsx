/** The play HUD in the DOM (so Vietnamese text renders with the page's fonts): phase, time, heat
 *  release, selected extinguisher, objectives, refusals, radio log and key legend. Reads the play store only; play route only. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayStore } from '../store/playStore';
import { mmss, pick } from './text';
import { TICKS_PER_SECOND } from '../../engine/index';

/** A phase id a scenario gave no title and the app has no words for, made readable: "sizeUp" -> "Size up". */
export function humanise(id: string): string {
  const words = id.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How long a refusal stays on screen, in ticks. */
const REFUSAL_TICKS = 3 * TICKS_PER_SECOND;

export function HudStatus() {
  const { t, i18n } = useTranslation();
  const hud = usePlayStore((s) => s.hud);
  if (!hud) return null;
  const totalKW = hud.fires.reduce((s, f) => s + f.hrrKW, 0);
  const ext = hud.equipment[hud.selected];
  const refusal = hud.refusal && hud.tick - hud.refusal.tick <= REFUSAL_TICKS ? hud.refusal : null;
  return (
    <section className="hud-status" aria-label={t('hud.label')}>
      <dl>
        <div>
          <dt>{t('hud.phase')}</dt>
          <dd data-testid="hud-phase" data-phase={hud.phase}>
            {hud.phaseTitle ? pick(hud.phaseTitle, i18n.language) : t(`phase.${hud.phase}`, { defaultValue: humanise(hud.phase) })}
          </dd>
        </div>
        <div>
          <dt>{t('hud.elapsed')}</dt>
          <dd data-testid="hud-time">
            <time>{mmss(hud.elapsedS)}</time> <span className="muted">/ {mmss(hud.timeLimitS)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('hud.fire')}</dt>
          <dd data-testid="hud-fire" data-fires={hud.fires.length} className={totalKW > 0 ? 'hot' : ''}>
            {hud.fires.length === 0 ? t('hud.noFire') : t('hud.kw', { value: Math.round(totalKW) })}
          </dd>
        </div>
        <div>
          <dt>{t('hud.extinguisher')}</dt>
          <dd data-testid="hud-extinguisher" data-discharging={hud.discharging}>
            {ext ? `${hud.selected + 1}. ${t(`agent.${ext.agent}`, { defaultValue: ext.agent })}${ext.percent === null ? '' : `, ${t('hud.remaining', { percent: ext.percent })}`}` : '-'}
            {hud.discharging && <strong className="discharging"> · {t('hud.discharging')}</strong>}
          </dd>
        </div>
      </dl>
      <ul className="objectives" aria-label={t('hud.objectives')} data-testid="objectives">
        {hud.objectives.map((o) => (
          <li key={o.id} className={`objective ${o.state}`} data-objective={o.id}>
            <span aria-hidden="true">{o.state === 'met' ? '✔' : o.state === 'lost' ? '✘' : '○'}</span> {pick(o.title, i18n.language)}
            <span className="visually-hidden"> ({t(`hud.objective.${o.state}`)})</span>
          </li>
        ))}
      </ul>
      <p className="refusal" role="status" aria-live="polite">
        {refusal ? t('hud.refused', { reason: t(`refusal.${refusal.reason}`, { defaultValue: refusal.reason }) }) : ''}
      </p>
    </section>
  );
}

export function HudSide({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const hud = usePlayStore((s) => s.hud);
  const fires = hud?.fires ?? [];
  return (
    <aside className="hud-side">
      {children}
      {fires.length > 0 && (
        <section aria-labelledby="fires-title">
          <h2 id="fires-title">{t('hud.fire')}</h2>
          <ul className="fires">
            {fires.map((f) => (
              <li key={f.id}>
                {pick(f.name, i18n.language)}: {t('hud.kw', { value: Math.round(f.hrrKW) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="radio-title">
        <h2 id="radio-title">{t('hud.radio')}</h2>
        <ol className="radio" aria-live="polite" data-testid="radio-log">
          {(hud?.radio ?? []).map((r) => (
            <li key={`${r.tick}-${r.text.en}`}>
              <time>{mmss(r.tick / TICKS_PER_SECOND)}</time> {r.from && <strong>{pick(r.from, i18n.language)}</strong>}
              {r.scripted && <em className="radio-scripted"> ({t('drill.scripted')})</em>}
              {r.from && ': '}
              {pick(r.text, i18n.language)}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="legend-title">
        <h2 id="legend-title">{t('hud.legend')}</h2>
        <ul className="legend">
          {(['move', 'select', 'discharge', 'door', 'valve', 'floors', 'crew', 'pause', 'end'] as const).map((k) => (
            <li key={k}>{t(`hud.keys.${k}`)}</li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
