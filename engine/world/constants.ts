/** Fixed simulation constants: tick length and cell size. Everything time-based derives from these. */

/** One tick is 200 ms of incident time; the world never steps by a variable amount. */
export const TICK_MS = 200;
export const TICKS_PER_SECOND = 1000 / TICK_MS;
export const SECONDS_PER_TICK = TICK_MS / 1000;
/** Each map cell is 0.5 m square (a person is about one cell wide). */
export const CELL_SIZE_M = 0.5;
/** Walking pace with kit: one cell every two ticks, 1.25 m/s. */
export const TICKS_PER_STEP = 2;
/** Ambient temperature in tenths of a degree Celsius (fields are integers). */
export const AMBIENT_DECI_C = 300;
