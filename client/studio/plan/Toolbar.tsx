/** The plan's tools: select and drag, the legend's cell kinds with a shape (pen, line, rectangle,
 *  filled rectangle, flood fill), erase, things to place (with the item kind or crew role), and the
 *  ruler. Each tool has a key (the help sheet lists them). */
import { useTranslation } from 'react-i18next';
import { ITEM_PRESETS } from '../model/itemPresets';
import { useStudio, type Shape, type Tool } from '../model/studioStore';
import { CREW_PRESETS, THING_KINDS } from '../model/things';
import { CELL_NAME, CELL_RGB, PALETTE } from './cellColours';

export const SHAPES: readonly Shape[] = ['pen', 'line', 'rect', 'fillRect', 'fill'];

const same = (a: Tool, b: Tool): boolean => JSON.stringify(a) === JSON.stringify(b);

export function Toolbar({ variant, setVariant }: { variant: string; setVariant: (v: string) => void }) {
  const { t } = useTranslation();
  const tool = useStudio((s) => s.tool);
  const setTool = useStudio((s) => s.setTool);
  const shape: Shape = tool.kind === 'paint' || tool.kind === 'erase' ? tool.shape : 'line';
  const pick = (next: Tool): void => setTool(next);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('studio.tools.label')}>
      <div className="tool-group">
        <button type="button" aria-pressed={tool.kind === 'select'} onClick={() => pick({ kind: 'select' })} title={`${t('studio.tools.select')} (V)`}>
          {t('studio.tools.select')}
        </button>
        <button type="button" aria-pressed={tool.kind === 'ruler'} onClick={() => pick({ kind: 'ruler' })} title={`${t('studio.tools.ruler')} (M)`}>
          {t('studio.tools.ruler')}
        </button>
        <button type="button" aria-pressed={tool.kind === 'erase'} onClick={() => pick({ kind: 'erase', shape })} title={`${t('studio.tools.erase')} (E)`}>
          {t('studio.tools.erase')}
        </button>
      </div>
      <div className="tool-group palette" role="group" aria-label={t('studio.tools.cells')}>
        {PALETTE.map((ch, i) => {
          const rgb = CELL_RGB[ch] ?? [0, 0, 0];
          const name = t(`studio.cell.${CELL_NAME[ch] ?? ''}`);
          return (
            <button key={ch} type="button" aria-pressed={tool.kind === 'paint' && tool.ch === ch} title={`${name} (${(i + 1) % 10})`} onClick={() => pick({ kind: 'paint', ch, shape })}>
              <span className="swatch" style={{ background: `rgb(${rgb.join(',')})` }} aria-hidden="true" />
              {name}
            </button>
          );
        })}
      </div>
      <div className="tool-group" role="group" aria-label={t('studio.tools.shapes')}>
        {SHAPES.map((s) => (
          <button key={s} type="button" aria-pressed={(tool.kind === 'paint' || tool.kind === 'erase') && tool.shape === s} onClick={() => pick(tool.kind === 'erase' ? { kind: 'erase', shape: s } : { kind: 'paint', ch: tool.kind === 'paint' ? tool.ch : '#', shape: s })}>
            {t(`studio.shape.${s}`)}
          </button>
        ))}
      </div>
      <div className="tool-group" role="group" aria-label={t('studio.tools.things')}>
        {THING_KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={tool.kind === 'place' && tool.thing === k} onClick={() => {
            pick({ kind: 'place', thing: k });
            if (k === 'item' && !ITEM_PRESETS[variant]) setVariant('sofa');
            if (k === 'crew' && !(variant in CREW_PRESETS)) setVariant('nozzle');
          }}>
            {t(`studio.thing.${k}`)}
          </button>
        ))}
        {tool.kind === 'place' && tool.thing === 'item' && (
          <label className="variant">
            <span className="visually-hidden">{t('studio.field.kind')}</span>
            <select value={variant} onChange={(e) => setVariant(e.target.value)}>
              {Object.keys(ITEM_PRESETS).map((k) => (
                <option key={k} value={k}>
                  {t(`studio.value.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {tool.kind === 'place' && tool.thing === 'crew' && (
          <label className="variant">
            <span className="visually-hidden">{t('studio.field.role')}</span>
            <select value={variant} onChange={(e) => setVariant(e.target.value)}>
              {Object.keys(CREW_PRESETS).map((k) => (
                <option key={k} value={k}>
                  {t(`studio.value.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}

export { same as sameTool };
