/** Which thing is under a cell: points first (they sit on top), then areas, the latest placed first. */
import type { Scenario } from '../../../engine/index';
import type { Pt } from '../model/cellTools';
import { thingsOn, type Placed } from '../model/things';

export function thingAt(s: Scenario, floorId: string, p: Pt): Placed | null {
  const all = thingsOn(s, floorId);
  const points = all.filter((t) => t.kind !== 'zone' && t.kind !== 'hazard').reverse();
  const areas = all.filter((t) => t.kind === 'zone' || t.kind === 'hazard').reverse();
  return points.find((t) => t.x === p.x && t.y === p.y) ?? areas.find((t) => p.x >= t.x && p.y >= t.y && p.x < t.x + t.w && p.y < t.y + t.h) ?? null;
}
