/** Builds the HUD's snapshot from a world as a session knows it: the same for solo play and a drill
 *  seat, so both pages show the same panels. Pure reading; the session adds what only it knows (radio,
 *  refusals, objectives). */
import { TICKS_PER_SECOND, type Scenario, type WorldState } from '../../engine/index';
import { contextActions } from '../game/contextActions';
import { orderOptions } from '../game/orderOptions';
import type { LocalizedText } from '../store/api';
import type { HudSnapshot } from '../store/playStore';

export interface HudExtras {
  phase: string;
  radio: HudSnapshot['radio'];
  refusal: HudSnapshot['refusal'];
  objectives: HudSnapshot['objectives'];
  /** Whether the seat may act now (a live solo run, or a drill running with a crew member of one's own). */
  acting: boolean;
  /** Whether extinguisher charge is known (a drill seat sees only what is in hand, not how full it is). */
  knowsCharge: boolean;
  /** Whether the seat may give the followed crew member orders, and the floor on screen (a search's floor). */
  commanding: boolean;
  viewFloor: number | null;
}

/** Names of items, vehicles and hydrants by id, from the scenario. */
export function itemNames(scenario: Scenario): Map<string, LocalizedText> {
  return new Map([...scenario.world.items, ...scenario.world.vehicles, ...scenario.world.hydrants].map((i) => [i.id, i.name]));
}

/** The phase's title: the scenario's own for that phase when it gives one, else the id for i18n. */
export function phaseTitle(scenario: Scenario, phase: string): LocalizedText | null {
  return scenario.statechart.states[phase]?.meta?.title ?? null;
}

export function hudSnapshot(w: WorldState, scenario: Scenario, crewId: string, names: ReadonlyMap<string, LocalizedText>, extras: HudExtras): HudSnapshot {
  const crew = w.crew.find((c) => c.id === crewId);
  const spec = scenario.crew.find((c) => c.id === crewId);
  return {
    tick: w.tick,
    elapsedS: w.tick / TICKS_PER_SECOND,
    timeLimitS: scenario.timeLimitS,
    phase: extras.phase,
    phaseTitle: phaseTitle(scenario, extras.phase),
    fires: w.items.filter((i) => i.burning).map((i) => ({ id: i.id, name: names.get(i.id) ?? { vi: i.id, en: i.id }, hrrKW: i.hrrKW })),
    equipment: (crew?.equipment ?? []).map((e, k) => {
      const full = (spec?.equipment[k]?.dischargeS ?? 1) * TICKS_PER_SECOND;
      return { id: e.id, agent: e.agent, percent: extras.knowsCharge ? Math.max(0, Math.round((e.remainingTicks / full) * 100)) : null };
    }),
    selected: crew?.selected ?? 0,
    discharging: crew?.dischargingAt != null,
    radio: extras.radio,
    refusal: extras.refusal,
    crew: w.crew.map((c) => {
      const s = scenario.crew.find((m) => m.id === c.id);
      return {
        id: c.id,
        role: c.role,
        name: s?.name ?? { vi: c.id, en: c.id },
        floor: c.floor,
        air: c.air ? { bar: Math.round(c.air.bar), alarmBar: Math.round(c.air.alarmBar), fullBar: s?.breathingSet?.fullBar ?? 300, alarmed: c.air.alarmed, empty: c.air.empty } : null,
        carrying: c.carrying !== null,
        hose: c.hose !== null,
        busy: c.busy !== null,
        thermalCamera: c.tools.includes('thermalCamera'),
        order: c.order?.kind ?? null,
      };
    }),
    water: w.vehicles.map((v) => ({ id: v.id, name: names.get(v.id) ?? { vi: v.id, en: v.id }, waterL: Math.round(v.waterL), tankL: v.tankL, hydrant: v.hydrantId !== null })),
    floors: scenario.world.floors.map((f, index) => ({ index, name: f.name, level: w.levels[index] ?? 0 })),
    actions: extras.acting ? contextActions(w, crewId) : [],
    orders: extras.acting && extras.commanding ? orderOptions(w, crewId, extras.viewFloor) : [],
    objectives: extras.objectives,
  };
}
