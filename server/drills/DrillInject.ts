/** Instructor injects: what the scenario offers, the schema of an inject as the drill logs it, and the
 *  engine inject action it becomes. The room submits that action to the run, so the run record carries
 *  it and replays like a solo run's. An inject never comes from a trainee. */
import { z } from 'zod';
import type { InjectAction, Run, Scenario } from '../../engine/index';

const LocalizedText = z.strictObject({ vi: z.string().min(1).max(500), en: z.string().min(1).max(500) });

/** An inject as it is logged in the drill record: resolved, self-contained, replayable. */
export const AppliedInject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ignite'), itemId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('radio'), from: LocalizedText, text: LocalizedText }),
  z.strictObject({ kind: z.literal('failHydrant'), hydrantId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('collapse'), hazardId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('revealVictim'), victimId: z.string().min(1).max(64) }),
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

/** The scenario's injects: ignite any item that can burn, fail a working hydrant, bring down a weak
 *  floor, report a casualty held back, and replay any radio line of its statechart. */
export function injectOptions(scenario: Scenario): InjectOption[] {
  const options: InjectOption[] = [];
  const { items, hydrants, hazards, victims } = scenario.world;
  for (const item of items) {
    options.push({ id: `ignite-${item.id}`, kind: 'ignite', label: { vi: `Cháy mới: ${item.name.vi}`, en: `New fire: ${item.name.en}` }, inject: { kind: 'ignite', itemId: item.id } });
  }
  for (const h of hydrants.filter((x) => x.working)) {
    options.push({ id: `fail-${h.id}`, kind: 'failHydrant', label: { vi: `Trụ nước hỏng: ${h.name.vi}`, en: `Failed hydrant: ${h.name.en}` }, inject: { kind: 'failHydrant', hydrantId: h.id } });
  }
  for (const h of hazards) {
    options.push({ id: `collapse-${h.id}`, kind: 'collapse', label: { vi: `Sập: ${h.name.vi}`, en: `Collapse: ${h.name.en}` }, inject: { kind: 'collapse', hazardId: h.id } });
  }
  for (const v of victims.filter((x) => x.hidden)) {
    options.push({ id: `victim-${v.id}`, kind: 'revealVictim', label: { vi: `Thêm nạn nhân: ${v.name.vi}`, en: `Extra casualty: ${v.name.en}` }, inject: { kind: 'revealVictim', victimId: v.id } });
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

/** The engine inject action for a drill inject: what the room submits and the run record keeps. */
export function injectAction(inject: AppliedInject): InjectAction {
  switch (inject.kind) {
    case 'ignite':
      return { type: 'igniteItem', params: { item: inject.itemId } };
    case 'radio':
      return { type: 'radio', params: { from: inject.from, text: inject.text } };
    case 'failHydrant':
      return { type: 'failHydrant', params: { hydrant: inject.hydrantId } };
    case 'collapse':
      return { type: 'collapse', params: { hazard: inject.hazardId } };
    case 'revealVictim':
      return { type: 'revealVictim', params: { victim: inject.victimId } };
  }
}

/** Whether the inject would change anything in `run` now (an unknown or burning item, a hydrant already
 *  failed...): the room does not log one that would not. */
export function injectApplies(run: Run, inject: AppliedInject): boolean {
  const w = run.world;
  switch (inject.kind) {
    case 'radio':
      return true;
    case 'ignite': {
      const item = w.items.find((i) => i.id === inject.itemId);
      return item !== undefined && !item.burning && item.igniteAtTick !== w.tick;
    }
    case 'failHydrant':
      return w.hydrants.find((h) => h.id === inject.hydrantId)?.working === true;
    case 'collapse':
      return w.hazards.find((h) => h.id === inject.hazardId)?.collapsed === false;
    case 'revealVictim':
      return w.victims.find((v) => v.id === inject.victimId)?.hidden === true;
  }
}
