/** The selected thing's properties: every field its schema has, validated as typed, Vietnamese and
 *  English side by side. Changing an item's kind fills in the published values of that kind, which the
 *  author may then override. Deleting removes the thing (one undo step). */
import { useTranslation } from 'react-i18next';
import { jsonPath } from '../../../engine/index';
import { rulesAt, useIssues } from '../check/issueStore';
import { ITEM_PRESETS } from '../model/itemPresets';
import { asText, getIn, removeAt, setIn } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { kindOfPath, STANDARD_BREATHING_SET } from '../model/things';
import { FieldInput } from './FieldInput';
import { fieldsAt } from './schemaFields';
import { SchemaForm } from './SchemaForm';

const SUGGEST = {
  breathingSet: STANDARD_BREATHING_SET,
  'equipment[]': { id: 'ext-water', kind: 'extinguisher', agent: 'water', dischargeS: 60, rangeM: 4 },
};

export function PropertyPanel() {
  const { t } = useTranslation();
  const selection = useStudio((s) => s.selection);
  const thing = useStudio((s) => (s.selection ? getIn(s.draft, [...s.selection.path, s.selection.index]) : undefined)) as Record<string, unknown> | undefined;
  const change = useStudio((s) => s.change);
  const select = useStudio((s) => s.select);
  const byPath = useIssues((s) => s.byPath);
  if (!selection || !thing) return <p className="hint">{t('studio.props.none')}</p>;
  const kind = kindOfPath(selection.path) ?? 'item';
  const base = [...selection.path, selection.index];
  const fields = fieldsAt(base);
  const kindField = fields.find((f) => f.key === 'kind');
  const applyPreset = (k: string): void => {
    const p = ITEM_PRESETS[k];
    change((s) => {
      const cur = getIn(s, base) as Record<string, unknown>;
      const { valve: _v, failureS: _f, electrics: _e, ...rest } = cur;
      return setIn(s, base, p ? { ...rest, kind: k, name: { ...p.name }, fireClass: p.fireClass, growth: p.growth, peakKW: p.peakKW, fuelMJ: p.fuelMJ, ...(p.extra ?? {}) } : { ...cur, kind: k });
    });
  };
  return (
    <section className="props" aria-labelledby="props-title" data-path={jsonPath(base)}>
      <h2 id="props-title">
        {t(`studio.thing.${kind}`)} <code>{asText(thing.id)}</code>
      </h2>
      {kind === 'item' && kindField ? (
        <>
          <FieldInput field={kindField} value={thing.kind} path={jsonPath([...base, 'kind'])} rules={rulesAt(byPath, jsonPath([...base, 'kind']))} commit={(v) => applyPreset(String(v))} />
          <p className="hint">{t('studio.props.presetHint')}</p>
          <SchemaForm path={base} fields={fields} exclude={['kind']} suggest={SUGGEST} />
        </>
      ) : (
        <SchemaForm path={base} fields={fields} suggest={SUGGEST} />
      )}
      <button
        type="button"
        className="button danger"
        onClick={() => {
          change((s) => removeAt(s, selection.path, selection.index));
          select(null);
        }}
      >
        {t('studio.props.delete')}
      </button>
    </section>
  );
}
