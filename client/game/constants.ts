/** Sizes shared by the scene and its drawing helpers: one map cell is CELL_PX screen pixels at scale 1. */
export const CELL_PX = 32;
/** Smoke this dense hides what is in it (visibility under about a metre) unless a thermal camera looks. */
export const THICK_SMOKE = 600;
