/** Sizes shared by the scene and its drawing helpers: one map cell is CELL_PX screen pixels at scale 1. */
export const CELL_PX = 32;
/** Smoke this dense hides what is in it (visibility under about a metre) unless a thermal camera looks. */
export const THICK_SMOKE = 600;
/** The logical canvas; the camera zooms the floor into it. */
export const VIEW_W = 960;
export const VIEW_H = 600;
/** How far past the map's edges the camera may run where other floors' insets may cover them. */
export const EDGE_PX = 6 * CELL_PX;
/** Stair hints: fire dark red, hot gas pale yellow, smoke grey: apart in lightness, so apart for every eye. */
export const HINT_COLOUR = { fire: 0xd7263d, heat: 0xffe066, smoke: 0x8d949c } as const;
