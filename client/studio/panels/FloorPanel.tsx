/** Floors as tabs: choose the floor in view, add one above (a copy of this floor's outline with its
 *  stairs, so they meet), remove, move left or right, and this floor's settings (name, level, ceiling
 *  height, size in cells) from the schema. */
import { useTranslation } from 'react-i18next';
import { jsonPath, type Scenario } from '../../../engine/index';
import { rulesUnder, useIssues } from '../check/issueStore';
import { resizeRows } from '../model/cellTools';
import { removeAt, setIn, uniqueId, updateIn } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { fieldsAt } from './schemaFields';
import { SchemaForm } from './SchemaForm';

type Floor = Scenario['world']['floors'][number];

/** A new storey above the highest: the same footprint (walls and windows where walls are), stairs where
 *  this floor has them, floor inside. */
function storeyAbove(s: Scenario, from: Floor): Floor {
  const level = Math.max(...s.world.floors.map((f) => f.level)) + 1;
  const rows = from.rows.map((r) => r.replace(/[DdLWGO]/g, '#'));
  const id = uniqueId('tang', s.world.floors.map((f) => f.id));
  const n = level + 1;
  return { ...from, id, level, name: { vi: `Tầng ${n}`, en: `Floor ${level}` }, rows };
}

export function FloorTabs() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const floors = useStudio((s) => s.draft.world.floors);
  const current = useStudio((s) => s.floor);
  const setFloor = useStudio((s) => s.setFloor);
  const byPath = useIssues((s) => s.byPath);
  return (
    <div className="floor-tabs" role="tablist" aria-label={t('studio.floors.label')}>
      {floors.map((f, i) => (
        <button
          key={`${f.id}-${i}`}
          type="button"
          role="tab"
          aria-selected={i === current}
          className={`${i === current ? 'active' : ''}${rulesUnder(byPath, jsonPath(['world', 'floors', i])).length > 0 ? ' bad' : ''}`}
          onClick={() => setFloor(i)}
        >
          {f.name?.[lang] || f.id} <small>({t('studio.floors.level', { level: f.level })})</small>
        </button>
      ))}
    </div>
  );
}

export function FloorSettings() {
  const { t } = useTranslation();
  const index = useStudio((s) => s.floor);
  const floor = useStudio((s) => s.draft.world.floors[s.floor]);
  const count = useStudio((s) => s.draft.world.floors.length);
  const change = useStudio((s) => s.change);
  const setFloor = useStudio((s) => s.setFloor);
  if (!floor) return null;
  const width = floor.rows[0]?.length ?? 0;
  const height = floor.rows.length;
  const resize = (w: number, h: number): void => {
    if (Number.isInteger(w) && Number.isInteger(h) && w >= 3 && h >= 3 && w <= 400 && h <= 400) change((s) => setIn(s, ['world', 'floors', index, 'rows'], resizeRows(floor.rows, w, h)));
  };
  const move = (to: number): void => {
    change((s) => updateIn(s, ['world', 'floors'], (list: Floor[]) => {
      const out = list.slice();
      const [f] = out.splice(index, 1);
      if (f) out.splice(to, 0, f);
      return out;
    }));
    setFloor(to);
  };
  return (
    <section className="floor-settings" aria-labelledby="floor-title" data-path={jsonPath(['world', 'floors', index])}>
      <h2 id="floor-title">{t('studio.floors.settings')}</h2>
      <div className="row-buttons">
        <button type="button" className="button small" onClick={() => {
          change((s) => ({ ...s, world: { ...s.world, floors: [...s.world.floors, storeyAbove(s, floor)] } }));
          setFloor(count);
        }}>
          {t('studio.floors.add')}
        </button>
        <button type="button" className="button small" disabled={index === 0} onClick={() => move(index - 1)}>
          {t('studio.floors.left')}
        </button>
        <button type="button" className="button small" disabled={index >= count - 1} onClick={() => move(index + 1)}>
          {t('studio.floors.right')}
        </button>
        <button type="button" className="button small danger" disabled={count <= 1} onClick={() => {
          change((s) => removeAt(s, ['world', 'floors'], index));
          setFloor(Math.max(0, index - 1));
        }}>
          {t('studio.floors.remove')}
        </button>
      </div>
      <SchemaForm path={['world', 'floors', index]} fields={fieldsAt(['world', 'floors', index])} exclude={['rows']} />
      <div className="size-fields">
        <label className="field">
          <span>{t('studio.floors.width')}</span>
          <input type="number" min={3} max={400} defaultValue={width} key={`w${width}`} onBlur={(e) => resize(Number(e.target.value), height)} />
        </label>
        <label className="field">
          <span>{t('studio.floors.height')}</span>
          <input type="number" min={3} max={400} defaultValue={height} key={`h${height}`} onBlur={(e) => resize(width, Number(e.target.value))} />
        </label>
        <p className="hint">{t('studio.floors.metres', { w: (width / 2).toFixed(1), h: (height / 2).toFixed(1) })}</p>
      </div>
    </section>
  );
}
