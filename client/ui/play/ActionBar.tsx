/** The context action bar: one DOM button per action that makes sense now (with its key), and the
 *  START triage tag picker. Buttons send the same intents as the keys; the engine still decides. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intent } from '../../../engine/index';
import { actionLabelParams, type ContextAction } from '../../game/contextActions';
import { usePlayStore } from '../../store/playStore';

/** "KeyH" -> "H"; the label a keyboard shows. */
export function keyLabel(code: string): string {
  return code.replace(/^Key|^Digit/, '');
}

export function ActionBar({ submit }: { submit: (intent: Intent) => void }) {
  const { t } = useTranslation();
  const actions = usePlayStore((s) => s.hud?.actions ?? []);
  const crewId = usePlayStore((s) => s.crewId);
  const triageFor = usePlayStore((s) => s.triageFor);
  const setTriageFor = usePlayStore((s) => s.setTriageFor);
  const run = (a: ContextAction) => {
    if (a.intent) submit(a.intent);
    else if (a.id === 'triage' && a.victimId) setTriageFor(a.victimId);
  };
  return (
    <section className="action-bar" aria-label={t('actions.label')} data-testid="action-bar">
      {actions.length === 0 && <p className="muted">{t('actions.none')}</p>}
      {actions.map((a) => (
        <button key={`${a.id}-${a.level ?? ''}`} type="button" className="button action" data-action={a.id} onClick={() => run(a)} aria-keyshortcuts={keyLabel(a.code)}>
          <kbd aria-hidden="true">{keyLabel(a.code)}</kbd> {t(`actions.${a.id}`, actionLabelParams(a))}
        </button>
      ))}
      {triageFor && (
        <TriagePicker
          onPick={(tag) => {
            submit({ type: 'triage', crewId, victimId: triageFor, tag });
            setTriageFor(null);
          }}
          onCancel={() => setTriageFor(null)}
        />
      )}
    </section>
  );
}

const TAGS = ['green', 'yellow', 'red', 'black'] as const;

function TriagePicker({ onPick, onCancel }: { onPick: (tag: (typeof TAGS)[number]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
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
      <p className="muted">{t('triage.hint')}</p>
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
