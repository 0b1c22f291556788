/** Sizes shared by the scene and its drawing helpers: one map cell is CELL_PX screen pixels at scale 1. */
export const CELL_PX = 32;
