/** A drill seat as a Session: the room's synced state and field frames drawn through a MirrorWorld, the
 *  HUD fed exactly as in solo play, and the player's intents sent to the room, which applies them with
 *  the engine and may refuse them. A crew seat controls its own crew member; an observer (the
 *  instructor's console) controls none and chooses whom the view follows. Computes no score and no
 *  world state of its own. */
import type { Intent, Scenario } from '../../engine/index';
import { Synth } from '../audio/Synth';
import type { SceneRun } from '../game/WorldSource';
import type { LocalizedText } from '../store/api';
import { usePlayStore, type HudSnapshot, type RadioLine } from '../store/playStore';
import { useSpeedStore } from '../store/speedStore';
import { fields, getView, onEvents, send, subscribe, type DrillEvent, type DrillSnapshot } from '../ui/drill/drillSession';
import { toastable } from './eventFeed';
import { hudSnapshot, itemNames } from './hudSnapshot';
import { MirrorWorld } from './MirrorWorld';
import type { Session } from './Session';

export type Seat = 'crew' | 'observer';

export class NetworkSession implements Session {
  readonly kind = 'network';
  readonly canPause = false;
  readonly run: SceneRun;
  private readonly mirror: MirrorWorld;
  private readonly names: Map<string, LocalizedText>;
  private readonly listeners = new Set<(run: SceneRun) => void>();
  private readonly eventListeners = new Set<(events: readonly DrillEvent[]) => void>();
  private readonly synth = new Synth();
  private snap: DrillSnapshot | null = null;
  /** The followed crew member for an observer ('' for the whole map). */
  private followed = '';
  private refusal: HudSnapshot['refusal'] = null;
  private stops: (() => void)[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly seat: Seat,
  ) {
    this.mirror = new MirrorWorld(scenario);
    this.run = { world: this.mirror.world, scenario };
    this.names = itemNames(scenario);
    usePlayStore.getState().reset('');
    // The drill's clock is the instructor's: the solo speed and pause controls do not apply.
    useSpeedStore.getState().setSpeed(1);
    useSpeedStore.getState().setPaused(false);
  }

  /** The crew member this client's participant holds, if any. */
  private ownCrew(): string {
    const v = getView();
    return v.snapshot?.participants.find((p) => p.id === v.sessionId)?.crewId ?? '';
  }

  get interactive(): boolean {
    return this.seat === 'crew' && this.ownCrew() !== '' && this.snap?.status === 'running';
  }

  get ended(): boolean {
    return this.snap?.ended ?? false;
  }

  crewId(): string {
    return this.seat === 'crew' ? this.ownCrew() : this.followed;
  }

  /** A trainee commands only the crew member it holds; the room refuses anything else. */
  mayCommand(crewId: string): boolean {
    return this.seat === 'crew' && crewId === this.ownCrew();
  }

  selectCrew(crewId: string): void {
    if (this.seat === 'observer') this.followed = crewId;
    usePlayStore.getState().setCrew(this.crewId());
    this.refresh();
  }

  nextCrew(): void {
    if (this.seat !== 'observer') return;
    const ids = ['', ...this.mirror.world.crew.map((c) => c.id)];
    this.selectCrew(ids[(ids.indexOf(this.followed) + 1) % ids.length] ?? '');
  }

  viewFloor(): number | null {
    return usePlayStore.getState().viewFloor;
  }

  setViewFloor(floor: number | null): void {
    usePlayStore.getState().setViewFloor(floor);
    this.refresh();
  }

  submit(intent: Intent): void {
    this.synth.resume();
    // Ending is the instructor's call: the room would refuse it from a seat (and count a strike).
    if (intent.type === 'endRun' || !this.interactive) return;
    send('intent', intent);
  }

  ask(actionId: string, targetId: string): void {
    if (actionId === 'triage') usePlayStore.getState().setTriageFor(targetId);
  }

  onTick(listener: (run: SceneRun) => void): () => void {
    this.listeners.add(listener);
    listener(this.run);
    return () => this.listeners.delete(listener);
  }

  onEvents(listener: (events: readonly DrillEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  start(): void {
    if (this.stops.length > 0) return;
    this.stops = [subscribe(() => this.onState()), onEvents((events) => this.receive(events))];
    this.onState();
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.synth.close();
  }

  private onState(): void {
    const snap = getView().snapshot;
    if (!snap || snap === this.snap) return;
    this.snap = snap;
    this.mirror.apply(snap, (f) => fields.get(f));
    if (usePlayStore.getState().crewId !== this.crewId()) usePlayStore.getState().setCrew(this.crewId());
    this.refresh();
  }

  private receive(events: readonly DrillEvent[]): void {
    const own = this.ownCrew();
    const toasts: { tick: number; type: string; crewId?: string; reason?: string }[] = [];
    for (const e of events) {
      if (e.type === 'INTENT_REFUSED') {
        if (e.crewId === own && own !== '') this.refusal = { tick: e.tick, reason: e.reason ?? '' };
        continue;
      }
      const level = toastable(e);
      if (!level) continue;
      toasts.push({ tick: e.tick, type: e.type, ...(e.crewId ? { crewId: e.crewId } : {}), ...(e.reason ? { reason: e.reason } : {}) });
      if (level === 'danger') this.synth.alert();
    }
    if (toasts.length > 0) usePlayStore.getState().pushToasts(toasts);
    for (const l of this.eventListeners) l(events);
  }

  /** Republishes the HUD and redraws, after a state or a choice of the player's. */
  private refresh(): void {
    const snap = this.snap;
    if (!snap) return;
    const w = this.mirror.world;
    const me = w.crew.find((c) => c.id === this.crewId());
    this.synth.fire(w.items.reduce((s, i) => s + (i.burning ? i.hrrKW : 0), 0));
    this.synth.water(w.crew.some((c) => c.hose !== null && c.dischargingAt !== null), w.crew.some((c) => c.dischargingAt !== null));
    this.synth.airAlarm(this.seat === 'crew' && me?.air?.alarmed === true && !me.air.empty);
    const radio: RadioLine[] = snap.radio.map((r) => ({ tick: r.tick, from: { vi: r.fromVi, en: r.fromEn }, text: { vi: r.textVi, en: r.textEn }, scripted: r.scripted }));
    usePlayStore.getState().setHud(
      hudSnapshot(w, this.scenario, this.crewId(), this.names, {
        phase: snap.phase,
        radio,
        refusal: this.refusal,
        objectives: [],
        acting: this.interactive,
        knowsCharge: false,
        commanding: this.mayCommand(this.crewId()),
        viewFloor: this.viewFloor(),
      }),
    );
    for (const l of this.listeners) l(this.run);
  }
}
