/** Water on burning oil (or metal): the water sinks, flashes to steam and throws the burning oil out
 *  as a fireball. For a few seconds the fire releases heat above its growth curve, drawn from its own
 *  fuel, and the fireball fills the room (or a few metres round it outdoors), setting alight what it
 *  reaches. Figures and sources: docs/engine/oil-eruption.md. Says nothing about harm to people: the
 *  heat it leaves in the cells is what exposure reads. */
import { TICKS_PER_SECOND } from './constants';
import { markFields } from './grid';
import type { ItemState, WorldState } from './WorldState';

/** How long the fireball burns. */
export const ERUPTION_TICKS = 3 * TICKS_PER_SECOND;
/** Share of the burning liquid's remaining fuel the steam throws out and the fireball burns. */
export const ERUPTION_FUEL_SHARE = 0.1;
/** Gas in the fireball: about 800 degC, the continuous-flame region of a buoyant fire. */
export const FIREBALL_DECI_C = 8000;
/** Out of doors the fireball reaches about 3 m round the pan. */
const OUTDOOR_REACH_CELLS = 6;

/** Starts an eruption of `item`: its fuel share to burn over ERUPTION_TICKS on top of the curve, and the
 *  fireball's heat in every cell of its room now. */
export function erupt(w: WorldState, item: ItemState): void {
  item.eruptionTicks = ERUPTION_TICKS;
  item.eruptionKW = (ERUPTION_FUEL_SHARE * item.fuelKJ * TICKS_PER_SECOND) / ERUPTION_TICKS;
  const g = w.floors[item.floor];
  const heat = w.heat[item.floor];
  const rooms = w.compartments[item.floor];
  if (!g || !heat || !rooms) return;
  const box =
    item.room >= 0
      ? (rooms.rooms[item.room]?.box ?? { x0: item.x, y0: item.y, x1: item.x, y1: item.y })
      : { x0: Math.max(0, item.x - OUTDOOR_REACH_CELLS), y0: Math.max(0, item.y - OUTDOOR_REACH_CELLS), x1: Math.min(g.width - 1, item.x + OUTDOOR_REACH_CELLS), y1: Math.min(g.height - 1, item.y + OUTDOOR_REACH_CELLS) };
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const i = y * g.width + x;
      const inReach = item.room >= 0 ? rooms.cellRoom[i] === item.room : (x - item.x) * (x - item.x) + (y - item.y) * (y - item.y) <= OUTDOOR_REACH_CELLS * OUTDOOR_REACH_CELLS;
      if (inReach && (heat[i] ?? 0) < FIREBALL_DECI_C) heat[i] = FIREBALL_DECI_C;
    }
  }
  markFields(g, box.x0, box.y0, box.x1, box.y1);
}

/** The heat an erupting item releases this tick on top of its growth curve (kW), counting the tick. */
export function eruptionHrr(item: ItemState): number {
  if (item.eruptionTicks <= 0) return 0;
  item.eruptionTicks -= 1;
  return item.eruptionKW;
}
