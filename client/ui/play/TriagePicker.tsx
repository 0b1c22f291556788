/** The START tag picker, with what the crew member finds at the casualty's side, step by step as START
 *  asks (walks; breathing, and after the airway is opened; rate; radial pulse and capillary refill; obeys
 *  commands), so the tag is a judgement on findings rather than a guess. The player still chooses the
 *  tag; the engine judges it against START. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorldState } from '../../../engine/index';

const TAGS = ['green', 'yellow', 'red', 'black'] as const;
type Victim = WorldState['victims'][number];

/** The findings in START's order, each as an i18n key and its parameters; stops where START stops. */
export function startFindings(v: Victim): { key: string; params?: Record<string, number> }[] {
  const f = v.findings;
  const out: { key: string; params?: Record<string, number> }[] = [];
  out.push({ key: f.walks ? 'walks' : 'doesNotWalk' });
  if (f.walks) return out;
  if (!f.breathing) {
    if (!v.airwayOpened) {
      out.push({ key: 'notBreathingAirwayClosed' });
      return out;
    }
    out.push({ key: f.breathesAfterAirway ? 'breathesAfterAirway' : 'stillNotBreathing' });
    if (!f.breathesAfterAirway) return out;
  } else {
    out.push({ key: 'breathing', params: { rate: f.respiratoryRate } });
  }
  out.push({ key: f.pulse && !f.poorPerfusion ? 'perfusionGood' : 'perfusionPoor' });
  out.push({ key: f.obeysCommands ? 'obeys' : 'doesNotObey' });
  return out;
}

export function TriagePicker({ victim, onPick, onCancel, onOpenAirway }: { victim: Victim | undefined; onPick: (tag: (typeof TAGS)[number]) => void; onCancel: () => void; onOpenAirway: () => void }) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const findings = victim ? startFindings(victim) : [];
  const airwayToOpen = victim !== undefined && !victim.findings.walks && !victim.findings.breathing && !victim.airwayOpened;
  return (
    <div
      className="triage-picker"
      role="dialog"
      aria-modal="false"
      aria-labelledby="triage-title"
      data-testid="triage-picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        const k = Number(e.key);
        const tag = TAGS[k - 1];
        if (tag) onPick(tag);
      }}
    >
      <h2 id="triage-title">{t('triage.title')}</h2>
      {findings.length > 0 && (
        <ol className="findings" aria-label={t('triage.findings')} data-testid="triage-findings">
          {findings.map((f) => (
            <li key={f.key} data-finding={f.key}>
              {t(`triage.finding.${f.key}`, f.params)}
            </li>
          ))}
        </ol>
      )}
      {airwayToOpen && (
        <p>
          <button type="button" className="button" data-action="openAirway" onClick={onOpenAirway}>
            {t('actions.openAirway')}
          </button>
        </p>
      )}
      <p className="muted small">{t('triage.hint')}</p>
      <div className="tags">
        {TAGS.map((tag, k) => (
          <button key={tag} ref={k === 0 ? first : undefined} type="button" className={`button tag tag-${tag}`} data-tag={tag} onClick={() => onPick(tag)}>
            <kbd aria-hidden="true">{k + 1}</kbd> {t(`triage.${tag}`)}
          </button>
        ))}
        <button type="button" className="button" onClick={onCancel}>
          {t('triage.cancel')}
        </button>
      </div>
    </div>
  );
}
