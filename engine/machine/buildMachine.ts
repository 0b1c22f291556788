/** The one place a scenario's statechart JSON becomes an XState machine. Guards read world facts
 *  carried on each event; actions are not executed here: the run interprets them as world effects. */
import { setup, type AnyStateMachine } from 'xstate';
import type { Scenario } from '../scenario/format';
import type { ActionParams } from './catalogue';
import { TICKS_PER_SECOND } from '../world/constants';

/** What the world tells the statechart with every event, so guards stay pure functions of the event. */
export interface WorldFacts {
  elapsedS: number;
  phaseElapsedS: number;
  burningItems: number;
  openValves: number;
  /** Casualties alive and not yet out of danger. */
  victimsAtRisk: number;
  /** Casualties not yet given a triage tag. */
  victimsUntriaged: number;
  /** Casualties still trapped. */
  victimsTrapped: number;
}

export interface MachineEvent {
  type: string;
  facts: WorldFacts;
  zoneId?: string;
  itemId?: string;
  crewId?: string;
}

const machineSetup = setup({
  types: { events: {} as MachineEvent },
  guards: {
    elapsedAtLeast: ({ event }, p: { seconds: number }) => event.facts.elapsedS >= p.seconds,
    phaseElapsedAtLeast: ({ event }, p: { seconds: number }) => event.facts.phaseElapsedS >= p.seconds,
    // Compared in whole ticks: the facts carry seconds as tick / TICKS_PER_SECOND.
    atElapsed: ({ event }, p: { seconds: number }) => Math.round(event.facts.elapsedS * TICKS_PER_SECOND) === p.seconds * TICKS_PER_SECOND,
    atPhaseElapsed: ({ event }, p: { seconds: number }) => Math.round(event.facts.phaseElapsedS * TICKS_PER_SECOND) === p.seconds * TICKS_PER_SECOND,
    zoneIs: ({ event }, p: { zone: string }) => event.zoneId === p.zone,
    allFiresOut: ({ event }) => event.facts.burningItems === 0,
    allValvesClosed: ({ event }) => event.facts.openValves === 0,
    allVictimsSafe: ({ event }) => event.facts.victimsAtRisk === 0,
    allVictimsTriaged: ({ event }) => event.facts.victimsUntriaged === 0,
    noVictimTrapped: ({ event }) => event.facts.victimsTrapped === 0,
    incidentUnderControl: ({ event }) => event.facts.burningItems === 0 && event.facts.victimsAtRisk === 0,
  },
  actions: {
    // Effects are carried out by the run on the world; XState only decides which ones fire.
    radio: (_args, _p: ActionParams<'radio'>) => undefined,
    igniteItem: (_args, _p: ActionParams<'igniteItem'>) => undefined,
    failHydrant: (_args, _p: ActionParams<'failHydrant'>) => undefined,
    collapse: (_args, _p: ActionParams<'collapse'>) => undefined,
    revealVictim: (_args, _p: ActionParams<'revealVictim'>) => undefined,
  },
});

type MachineConfig = Parameters<typeof machineSetup.createMachine>[0];

/** Builds the scenario's machine. The scenario must have passed checkScenario. */
export function buildMachine(scenario: Scenario): AnyStateMachine {
  const config = { id: scenario.id, initial: scenario.statechart.initial, states: scenario.statechart.states };
  // The JSON was validated against the catalogue by checkScenario; XState's config types cannot see that.
  return machineSetup.createMachine(config as unknown as MachineConfig);
}
