/** A drill seat's picture of the incident in the engine's own world shape, so the one play scene, the
 *  action bar and the keys read a drill exactly as they read a solo run. Built from the scenario's plan
 *  (the world as createRun lays it out) and brought level with each state the room sends: only the crew,
 *  casualties and items the seat sees are in it, with the doors, windows, fields, tanks and ladders as
 *  last seen. A picture only: it is never stepped, scored or sent anywhere. */
import { Cell, createRun, type CrewState, type ItemState, type Scenario, type WorldState } from '../../engine/index';
import type { DrillSnapshot } from '../ui/drill/drillSession';
import type { FloorFields } from '../ui/drill/fieldFrames';

type Victim = WorldState['victims'][number];
type Busy = NonNullable<CrewState['busy']>;

/** The engine's hose path encoding: floor * 2^20 + cell. */
const HOSE_FLOOR = 0x100000;
/** A line as long as any engine carries; the room, not the picture, enforces the real length. */
const UNLIMITED_HOSE = 1 << 20;

export class MirrorWorld {
  readonly world: WorldState;
  private readonly crewById = new Map<string, CrewState>();
  private readonly victimById = new Map<string, Victim>();
  private readonly itemById = new Map<string, ItemState>();
  private readonly fuel = new Map<string, number>();
  private readonly fieldVersion: number[] = [];

  constructor(scenario: Scenario) {
    // The seed only places nothing here: the plan, the kit and the people as the scenario sets them.
    this.world = createRun(scenario, 0).world;
    for (const c of this.world.crew) this.crewById.set(c.id, c);
    for (const v of this.world.victims) this.victimById.set(v.id, v);
    for (const i of this.world.items) {
      this.itemById.set(i.id, i);
      this.fuel.set(i.id, i.fuelKJ);
    }
    this.world.crew = [];
    this.world.victims = [];
    this.world.items = [];
  }

  /** Brings the picture level with `snap` and the field frames received so far. */
  apply(snap: DrillSnapshot, fields: (floor: number) => FloorFields | undefined): void {
    const w = this.world;
    w.tick = snap.tick;
    this.applyOpenings(snap);
    w.crew = snap.crew.flatMap((s) => {
      const c = this.crewById.get(s.id);
      if (!c) return [];
      this.applyCrew(c, s);
      return [c];
    });
    w.victims = snap.victims.flatMap((s) => {
      const v = this.victimById.get(s.id);
      if (!v) return [];
      Object.assign(v, { x: s.x, y: s.y, floor: s.floor, trapped: s.trapped, safe: s.safe, airwayOpened: s.airwayOpened, hidden: false, reached: v.reached || s.carriedBy !== '' });
      v.status = s.status === 'dead' || s.status === 'incapacitated' ? s.status : 'ok';
      v.carriedBy = s.carriedBy === '' ? null : s.carriedBy;
      v.tag = s.tag === 'green' || s.tag === 'yellow' || s.tag === 'red' || s.tag === 'black' ? s.tag : null;
      return [v];
    });
    w.items = snap.items.flatMap((s) => {
      const i = this.itemById.get(s.id);
      if (!i) return [];
      i.burning = s.burning;
      i.hrrKW = s.hrrKW;
      i.valve = s.valve === 'open' || s.valve === 'closed' ? s.valve : 'none';
      i.electrics = s.electrics === 'live' || s.electrics === 'isolated' ? s.electrics : 'none';
      i.fuelKJ = s.spent ? 0 : (this.fuel.get(s.id) ?? 1);
      return [i];
    });
    for (const h of snap.hazards) {
      const hz = w.hazards.find((x) => x.id === h.id);
      if (hz) hz.collapsed = h.collapsed;
    }
    for (const s of snap.vehicles) {
      const v = w.vehicles.find((x) => x.id === s.id);
      if (!v) continue;
      v.waterL = s.waterL;
      v.hydrantId = s.hydrantId === '' ? null : s.hydrantId;
      v.dry = s.dry;
    }
    w.ladders = snap.ladders.map((l) => ({ ...l }));
    w.floors.forEach((_, f) => this.applyFields(f, fields(f)));
  }

  private applyOpenings(snap: DrillSnapshot): void {
    for (const d of snap.doors) {
      const [f, x, y] = d.id.split(':').map(Number);
      const g = f === undefined ? undefined : this.world.floors[f];
      if (!g || x === undefined || y === undefined) continue;
      // Rooms before `kind` was sent describe doors only by open and locked.
      const kind = d.kind > 0 ? d.kind : d.open ? Cell.doorOpen : d.locked ? Cell.doorLocked : Cell.doorClosed;
      const i = y * g.width + x;
      if (g.cells[i] === kind) continue;
      g.cells[i] = kind;
      g.version += 1;
    }
  }

  private applyCrew(c: CrewState, s: DrillSnapshot['crew'][number]): void {
    const moved = c.x !== s.x || c.y !== s.y || c.floor !== s.floor;
    c.x = s.x;
    c.y = s.y;
    c.floor = s.floor;
    c.selected = s.selected;
    c.dischargingAt = s.dischargingAt === '' ? null : s.dischargingAt;
    c.carrying = s.carrying === '' ? null : s.carrying;
    const width = this.world.floors[s.floor]?.width ?? 1;
    c.path = s.goalX !== s.x || s.goalY !== s.y ? [s.goalY * width + s.goalX] : [];
    c.busy = s.busy === '' ? null : ({ kind: s.busy, ticksLeft: 1 } as Busy);
    if (c.air) {
      c.air.bar = s.airBar;
      c.air.alarmed = s.airAlarm;
      c.air.empty = s.airBar <= 0;
    }
    this.layHose(c, s.hose, moved);
  }

  /** The line lies where the holder walked, as the engine pays it out: forward adds a cell, a step back
   *  takes the last in. Steps the seat did not see join as a straight run. */
  private layHose(c: CrewState, vehicleId: string, moved: boolean): void {
    if (vehicleId === '') {
      c.hose = null;
      return;
    }
    const width = this.world.floors[c.floor]?.width ?? 1;
    const here = c.floor * HOSE_FLOOR + c.y * width + c.x;
    if (!c.hose || c.hose.vehicleId !== vehicleId) {
      c.hose = { vehicleId, laid: [here], maxCells: UNLIMITED_HOSE };
      return;
    }
    if (!moved) return;
    const laid = c.hose.laid;
    if (laid[laid.length - 2] === here) laid.pop();
    else if (laid[laid.length - 1] !== here) laid.push(here);
  }

  private applyFields(f: number, frame: FloorFields | undefined): void {
    const heat = this.world.heat[f];
    const smoke = this.world.smoke[f];
    if (!frame || !heat || !smoke || frame.heat.length !== heat.length || this.fieldVersion[f] === frame.version) return;
    heat.set(frame.heat);
    smoke.set(frame.smoke);
    this.fieldVersion[f] = frame.version;
  }
}
