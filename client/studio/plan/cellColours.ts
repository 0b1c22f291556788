/** How the plan shows each legend character: a colour per cell (drawn one pixel per cell and scaled)
 *  and, when zoomed in, a letter so doors, windows and stairs read without colour alone. */

export const CELL_RGB: Record<string, [number, number, number]> = {
  '#': [43, 49, 60],
  '.': [227, 213, 184],
  ',': [141, 147, 155],
  D: [139, 90, 43],
  d: [196, 150, 96],
  L: [160, 40, 30],
  W: [143, 211, 255],
  G: [40, 70, 120],
  O: [190, 240, 255],
  S: [120, 100, 160],
};

/** The letter drawn on a cell when zoomed in; none for walls, floor and street. */
export const CELL_GLYPH: Record<string, string> = { D: 'D', d: 'd', L: 'L', W: 'W', G: 'G', O: 'O', S: 'S' };

/** Legend characters in the palette's order, with their i18n keys (studio.cell.*). */
export const PALETTE = ['#', '.', ',', 'D', 'd', 'L', 'W', 'G', 'O', 'S'] as const;
export const CELL_NAME: Record<string, string> = { '#': 'wall', '.': 'floor', ',': 'outdoor', D: 'doorClosed', d: 'doorOpen', L: 'doorLocked', W: 'window', G: 'windowGrille', O: 'windowOpen', S: 'stairs' };

/** Colour and letter of each kind of thing on the plan. */
export const THING_STYLE: Record<string, { fill: string; glyph: string }> = {
  item: { fill: '#ff6b2c', glyph: '▲' },
  victim: { fill: '#ffd23f', glyph: '✚' },
  crew: { fill: '#3fa7ff', glyph: '●' },
  vehicle: { fill: '#e03a3a', glyph: '▬' },
  hydrant: { fill: '#2ec4b6', glyph: '◆' },
  hazard: { fill: 'rgba(255, 90, 82, 0.25)', glyph: '!' },
  zone: { fill: 'rgba(124, 196, 255, 0.18)', glyph: '' },
};
