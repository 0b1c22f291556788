/** Proof before anyone plays the draft: "fire only" (heat and smoke at 1, 2, 5 and 10 minutes with no
 *  crew, and when and where rooms flash over), the ghost run (expert and novice bots, each with a
 *  replay, and whether the draft may be submitted), and "play" (the draft in the standard play page). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mmss } from '../../ui/text';
import { useStudio } from '../model/studioStore';
import { saveNow } from '../store/useAutosave';
import { FieldMap } from './FieldMap';
import { GhostReplay } from './GhostReplay';
import { verdict, type BotResult } from './ghostRun';
import { useProofs } from './proofStore';

function Stale({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const current = useStudio((s) => s.revision);
  return revision !== current ? <p className="notice">{t('studio.proofs.stale')}</p> : null;
}

function BotCard({ r }: { r: BotResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  return (
    <article className="bot-card" data-testid={`ghost-${r.bot}`} data-passed={r.score.passed}>
      <h3>
        {t(`studio.ghost.${r.bot}`)}: <span className={`badge ${r.score.passed ? 'pass' : 'fail'}`}>{r.score.passed ? t('studio.ghost.passed') : t('studio.ghost.failed')}</span>
      </h3>
      <p>{t('studio.ghost.score', { percent: r.score.percent, stars: r.score.stars, time: mmss(r.endTick / 5), reason: t(`studio.ghost.end.${r.endReason}`) })}</p>
      <ul className="criteria-results">
        {r.score.criteria.map((c) => (
          <li key={c.id} className={c.passed ? 'ok' : 'bad'}>
            {c.passed ? '✓' : '✗'} {c.title[lang]}
          </li>
        ))}
      </ul>
      <GhostReplay result={r} />
    </article>
  );
}

export function ProofsPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const fire = useProofs((s) => s.fire);
  const ghost = useProofs((s) => s.ghost);
  const run = useProofs((s) => s.run);
  const floors = useStudio((s) => s.draft.world.floors);
  const draftId = useStudio((s) => s.draftId);
  const scenarioId = useStudio((s) => s.draft.id);
  const [floor, setFloor] = useState(0);
  const f = floors[Math.min(floor, floors.length - 1)];
  const v = ghost.state === 'done' ? verdict(ghost.result.expert, ghost.result.novice) : null;
  const play = async (): Promise<void> => {
    await saveNow();
    window.open(`/play/${encodeURIComponent(scenarioId)}?draft=${encodeURIComponent(draftId)}`, '_blank', 'noopener');
  };
  return (
    <div className="proofs-view">
      <section aria-labelledby="fire-title">
        <h2 id="fire-title">{t('studio.proofs.fireTitle')}</h2>
        <p className="hint">{t('studio.proofs.fireHint')}</p>
        <button type="button" className="button primary" disabled={fire.state === 'running'} onClick={() => run('fireOnly')}>
          {fire.state === 'running' ? t('studio.proofs.running') : t('studio.proofs.fireRun')}
        </button>
        {fire.state === 'blocked' && <p className="error">{t('studio.proofs.blocked', { count: fire.issues.length })}</p>}
        {fire.state === 'done' && (
          <div data-testid="fire-only">
            <Stale revision={fire.revision} />
            {fire.result.flashovers.length === 0 ? (
              <p>{t('studio.proofs.noFlashover')}</p>
            ) : (
              <ul>
                {fire.result.flashovers.map((x) => (
                  <li key={`${x.floor}-${x.room}`}>{t('studio.proofs.flashover', { time: mmss(x.seconds), floor: floors[x.floor]?.name[lang] ?? x.floor, items: x.items.join(', ') || '—' })}</li>
                ))}
              </ul>
            )}
            {fire.result.endedAtS !== null && <p>{t('studio.proofs.ended', { time: mmss(fire.result.endedAtS) })}</p>}
            <label className="field">
              <span>{t('studio.floors.label')}</span>
              <select value={floor} onChange={(e) => setFloor(Number(e.target.value))}>
                {floors.map((x, i) => (
                  <option key={x.id} value={i}>
                    {x.name[lang]}
                  </option>
                ))}
              </select>
            </label>
            {f && (
              <div className="field-maps">
                {fire.result.snapshots.map((s) => (
                  <figure key={s.minute}>
                    <FieldMap rows={f.rows} heat={s.heat[floor]} smoke={s.smoke[floor]} floor={floor} label={t('studio.proofs.mapLabel', { minute: s.minute, floor: f.name[lang] })} box={fire.result.flashovers.find((x) => x.floor === floor && x.seconds <= s.minute * 60)?.box ?? null} />
                    <figcaption>{t('studio.proofs.minute', { count: s.minute })}</figcaption>
                  </figure>
                ))}
              </div>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="ghost-title">
        <h2 id="ghost-title">{t('studio.proofs.ghostTitle')}</h2>
        <p className="hint">{t('studio.proofs.ghostHint')}</p>
        <button type="button" className="button primary" disabled={ghost.state === 'running'} onClick={() => run('ghost')}>
          {ghost.state === 'running' ? t('studio.proofs.running') : t('studio.proofs.ghostRun')}
        </button>
        {ghost.state === 'blocked' && <p className="error">{t('studio.proofs.blocked', { count: ghost.issues.length })}</p>}
        {ghost.state === 'done' && v && (
          <>
            <Stale revision={ghost.revision} />
            <div className={`verdict ${v.ok ? 'ok' : 'bad'}`} data-testid="ghost-verdict" data-ok={v.ok}>
              {v.ok ? t('studio.ghost.ok') : v.reasons.map((r) => <p key={r.key}>{t(r.key, r.values)}</p>)}
            </div>
            <div className="bot-cards">
              <BotCard r={ghost.result.expert} />
              <BotCard r={ghost.result.novice} />
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="play-title">
        <h2 id="play-title">{t('studio.proofs.playTitle')}</h2>
        <p className="hint">{t('studio.proofs.playHint')}</p>
        <button type="button" className="button" onClick={() => void play()}>
          {t('studio.proofs.play')}
        </button>
      </section>
    </div>
  );
}
