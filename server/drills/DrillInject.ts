/** Instructor injects: what the scenario offers, the schema of an applied inject, and how it changes a
 *  run. Applied between ticks by the room and by the drill replay alike, so a record replays exactly.
 *  Uses only the engine's public Run; an inject never comes from a trainee. */
import { z } from 'zod';
import type { Run, Scenario } from '../../engine/index';

const LocalizedText = z.strictObject({ vi: z.string().min(1).max(500), en: z.string().min(1).max(500) });

/** An inject as it is logged in the drill record: resolved, self-contained, replayable. */
export const AppliedInject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ignite'), itemId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('radio'), from: LocalizedText, text: LocalizedText }),
]);
export type AppliedInject = z.infer<typeof AppliedInject>;

export const LoggedInject = z.strictObject({ tick: z.int().min(0), inject: AppliedInject });
export type LoggedInject = z.infer<typeof LoggedInject>;

/** One entry of the console's inject list. */
export interface InjectOption {
  id: string;
  kind: AppliedInject['kind'];
  label: { vi: string; en: string };
  inject: AppliedInject;
}

const INSTRUCTOR = { vi: 'Giáo viên hướng dẫn', en: 'Instructor' } as const;

/** The scenario's injects: ignite any item that can burn, and replay any radio line of its statechart. */
export function injectOptions(scenario: Scenario): InjectOption[] {
  const options: InjectOption[] = [];
  for (const item of scenario.world.items) {
    options.push({ id: `ignite-${item.id}`, kind: 'ignite', label: { vi: `Cháy mới: ${item.name.vi}`, en: `New fire: ${item.name.en}` }, inject: { kind: 'ignite', itemId: item.id } });
  }
  const radio = new Map<string, AppliedInject>();
  for (const state of Object.values(scenario.statechart.states)) {
    for (const action of state.entry ?? []) {
      if (typeof action === 'string' || action.type !== 'radio') continue;
      const parsed = z.strictObject({ from: LocalizedText, text: LocalizedText }).safeParse(action.params);
      if (parsed.success) radio.set(parsed.data.text.en, { kind: 'radio', ...parsed.data });
    }
  }
  [...radio.values()].forEach((inject, i) => {
    if (inject.kind === 'radio') options.push({ id: `radio-${i + 1}`, kind: 'radio', label: inject.text, inject });
  });
  return options;
}

/** A free-form radio message typed by the instructor (the same text in both languages). */
export function freeRadio(text: string): AppliedInject {
  return { kind: 'radio', from: INSTRUCTOR, text: { vi: text, en: text } };
}

/** Applies an inject to `run` at its current tick, before the tick is stepped. Returns false when it
 *  could not apply (unknown item, already burning); a refused inject is not logged. */
export function applyInject(run: Run, inject: AppliedInject): boolean {
  const tick = run.world.tick;
  if (inject.kind === 'radio') {
    run.events.push({ tick, type: 'RADIO', text: inject.text, reason: inject.from.en });
    return true;
  }
  const item = run.world.items.find((i) => i.id === inject.itemId);
  if (!item || item.burning || item.igniteAtTick === tick) return false;
  // The same effect as the statechart's igniteItem action: the world lights it on this tick.
  item.igniteAtTick = tick;
  return true;
}
