/** Where the studio starts: a new draft from a blank plan or a template, the drafts kept in this
 *  browser, a copy of any scenario the author can see, or a .scenario.json file (one that is not JSON
 *  is refused with the parser's message; any other opens with the checker's issues shown). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchScenario, listScenarios, type ScenarioSummary } from '../../store/api';
import { pick } from '../../ui/text';
import { normalizeDraft } from '../model/normalizeDraft';
import { blankDraft, fromTemplate, TEMPLATE_IDS } from '../templates/templates';
import { deleteDraft, listDrafts, type StoredDraft } from '../store/draftsDb';
import { importScenarioText } from './importScenario';
import { newDraftId, openDraft, scenarioIdFor } from './openDraft';

export function StartScreen({ author, onOpen }: { author: string; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const [drafts, setDrafts] = useState<StoredDraft[] | null>(null);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listDrafts().then(setDrafts, () => setDrafts([]));
    listScenarios().then((r) => setScenarios(r.scenarios), () => setScenarios([]));
  }, []);
  const open = (p: Promise<void>): void => {
    p.then(onOpen, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  const importFile = (file: File | undefined): void => {
    if (!file) return;
    file.text().then((text) => {
      const r = importScenarioText(text);
      if (!r.ok) {
        setError(r.reason === 'notJson' ? t('studio.start.notJson', { name: file.name, message: r.message }) : t('studio.start.notObject', { name: file.name }));
        return;
      }
      setError(null);
      open(openDraft(newDraftId(), r.draft));
    }, () => setError(t('studio.start.unreadable', { name: file.name })));
  };
  const duplicate = (s: ScenarioSummary): void => {
    open(fetchScenario(s.id).then((json) => {
      const { draft } = normalizeDraft(json);
      const copy = { ...draft, id: scenarioIdFor(`${s.id}-ban-sao`), title: { vi: `${draft.title.vi} (bản sao)`, en: `${draft.title.en} (copy)` }, author };
      return openDraft(newDraftId(), copy);
    }));
  };
  return (
    <div className="studio-start">
      <h1>{t('studio.start.title')}</h1>
      <p className="hint">{t('studio.start.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="new-title">
        <h2 id="new-title">{t('studio.start.new')}</h2>
        <ul className="template-list">
          <li>
            <button type="button" className="template-card" onClick={() => open(openDraft(newDraftId(), blankDraft(scenarioIdFor('tinh-huong-moi'), author)))}>
              <strong>{t('studio.template.blank')}</strong>
              <span>{t('studio.template.blankHint')}</span>
            </button>
          </li>
          {TEMPLATE_IDS.map((id) => (
            <li key={id}>
              <button type="button" className="template-card" onClick={() => open(openDraft(newDraftId(), fromTemplate(id, scenarioIdFor(id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)), author)))}>
                <strong>{t(`studio.template.${id}`)}</strong>
                <span>{t(`studio.template.${id}Hint`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t('studio.start.import')}</h2>
        <label className="field">
          <span>{t('studio.start.importLabel')}</span>
          <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => importFile(e.target.files?.[0])} />
        </label>
      </section>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('studio.start.drafts')}</h2>
        {drafts === null ? (
          <p role="status">{t('studio.loading')}</p>
        ) : drafts.length === 0 ? (
          <p className="hint">{t('studio.start.noDrafts')}</p>
        ) : (
          <ul className="draft-list">
            {drafts.map((d) => {
              const s = normalizeDraft(d.scenario).draft;
              return (
                <li key={d.id}>
                  <button type="button" className="button" onClick={() => open(openDraft(d.id, s, d.backgrounds))}>
                    {t('studio.start.open', { title: pick(s.title, i18n.language) || s.id })}
                  </button>{' '}
                  <small>{t('studio.start.edited', { when: new Date(d.updatedAt).toLocaleString(i18n.language) })}</small>{' '}
                  <button type="button" className="button small danger" onClick={() => {
                    if (window.confirm(t('studio.start.confirmDelete', { title: pick(s.title, i18n.language) || s.id }))) void deleteDraft(d.id).then(() => listDrafts().then(setDrafts));
                  }}>
                    {t('studio.start.delete')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="copy-title">
        <h2 id="copy-title">{t('studio.start.duplicate')}</h2>
        <ul className="copy-list">
          {scenarios.map((s) => (
            <li key={s.id}>
              <button type="button" className="button" onClick={() => duplicate(s)}>
                {t('studio.start.copyOf', { title: pick(s.title, i18n.language) })}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
