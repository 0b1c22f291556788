/** How many fixed engine ticks one animation frame owes at a chosen playback speed, or none while paused.
 *  Pure arithmetic: speed and pause only change how much incident time a wall-clock millisecond buys,
 *  never the tick itself, and nothing here reaches the engine. */
import { TICK_MS } from '../../engine/index';

/** Playback speeds a player can choose; 1 is real time. */
export const SPEEDS = [1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** After a stall (tab in background, debugger) catch up at most this much wall time at once. */
export const MAX_CATCH_UP_MS = 1000;

/** Adds a frame's wall time, scaled by `speed`, to the carried-over incident time and splits it into
 *  whole ticks and the remainder for the next frame. */
export function advanceClock(carryMs: number, wallMs: number, speed: number): { ticks: number; carryMs: number } {
  const total = carryMs + Math.min(Math.max(0, wallMs), MAX_CATCH_UP_MS) * speed;
  const ticks = Math.floor(total / TICK_MS);
  return { ticks, carryMs: total - ticks * TICK_MS };
}

/** Incident milliseconds one wall-clock millisecond buys. A paused clock buys none, so the wall time
 *  spent paused is dropped rather than owed: resuming never bursts through the ticks it missed. */
export function clockRate(speed: Speed, paused: boolean): number {
  return paused ? 0 : speed;
}

/** The speed after `speed` in the cycle x1, x2, x4, x1. */
export function nextSpeed(speed: Speed): Speed {
  return SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length] ?? 1;
}
