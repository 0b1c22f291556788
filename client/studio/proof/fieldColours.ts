/** Colours for the "fire only" maps: hot gas from yellow (60 degC) through orange to red (600 degC and
 *  over, flashover territory), smoke as grey that thickens to black. Pure. */

/** RGBA for a cell from its gas temperature (tenths of a degree) and smoke (0-1000). */
export function fieldRgba(heatDeci: number, smoke: number): [number, number, number, number] {
  const c = heatDeci / 10;
  if (c >= 60) {
    const k = Math.min(1, (c - 60) / 540);
    return [255, Math.round(220 - 200 * k), Math.round(60 - 60 * k), Math.round(120 + 135 * k)];
  }
  if (smoke > 20) {
    const k = Math.min(1, smoke / 1000);
    return [Math.round(90 - 80 * k), Math.round(90 - 80 * k), Math.round(100 - 85 * k), Math.round(60 + 180 * k)];
  }
  return [0, 0, 0, 0];
}
