/** What a player may ask for, as a zod schema: the only thing clients send. Shape only; whether an
 *  intent is allowed right now is decided by applyIntent against the world. */
import { z } from 'zod';

const CrewId = z.string().min(1).max(64);
const Coord = z.int().min(0).max(4096);
const Ref = z.string().min(1).max(64);

/** An order a crew member carries out by the engine's doctrine behaviours (engine/orders) until it is done
 *  or the player takes direct control of that member. Part of the record like any intent. */
export const Order = z.discriminatedUnion('kind', [
  /** Search this floor: carry out everyone found on it, then sweep its rooms. */
  z.strictObject({ kind: z.literal('search'), floor: z.int().min(0).max(80) }),
  /** Attack this fire: with the attack line where water is right for it, else with the right extinguisher. */
  z.strictObject({ kind: z.literal('attack'), itemId: Ref }),
  /** Pitch a ladder to this window (its cell on the plan). */
  z.strictObject({ kind: z.literal('ladder'), x: Coord, y: Coord }),
  /** Set up water supply: connect the engine to a working hydrant. */
  z.strictObject({ kind: z.literal('supply') }),
  /** Triage the casualties on this crew member's floor (START). */
  z.strictObject({ kind: z.literal('triage') }),
  /** Withdraw: stop, come out and down to the street. */
  z.strictObject({ kind: z.literal('withdraw') }),
]);
export type Order = z.infer<typeof Order>;
export type OrderKind = Order['kind'];
export const ORDER_KINDS = Order.options.map((o) => o.shape.kind.value) as readonly OrderKind[];

export const Intent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('moveTo'), crewId: CrewId, x: Coord, y: Coord }),
  z.strictObject({ type: z.literal('step'), crewId: CrewId, dir: z.enum(['N', 'E', 'S', 'W']) }),
  z.strictObject({ type: z.literal('toggleDoor'), crewId: CrewId, x: Coord, y: Coord }),
  z.strictObject({ type: z.literal('selectEquipment'), crewId: CrewId, equipmentId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('startDischarge'), crewId: CrewId, itemId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('stopDischarge'), crewId: CrewId }),
  z.strictObject({ type: z.literal('closeValve'), crewId: CrewId, itemId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('useStairs'), crewId: CrewId, dir: z.enum(['up', 'down']) }),
  z.strictObject({ type: z.literal('carry'), crewId: CrewId, victimId: Ref }),
  z.strictObject({ type: z.literal('putDown'), crewId: CrewId }),
  z.strictObject({ type: z.literal('triage'), crewId: CrewId, victimId: Ref, tag: z.enum(['green', 'yellow', 'red', 'black']) }),
  z.strictObject({ type: z.literal('openAirway'), crewId: CrewId, victimId: Ref }),
  z.strictObject({ type: z.literal('freeVictim'), crewId: CrewId, victimId: Ref }),
  /** With `level`, from the foot of a ladder pitched to (x, y): cut the grille at that storey. */
  z.strictObject({ type: z.literal('force'), crewId: CrewId, x: Coord, y: Coord, level: z.int().min(1).max(80).optional() }),
  z.strictObject({ type: z.literal('placeLadder'), crewId: CrewId, x: Coord, y: Coord }),
  z.strictObject({ type: z.literal('climb'), crewId: CrewId, level: z.int().min(0).max(80) }),
  z.strictObject({ type: z.literal('takeHose'), crewId: CrewId, vehicleId: Ref }),
  z.strictObject({ type: z.literal('dropHose'), crewId: CrewId }),
  z.strictObject({ type: z.literal('connectHydrant'), crewId: CrewId, vehicleId: Ref, hydrantId: Ref }),
  z.strictObject({ type: z.literal('isolatePower'), crewId: CrewId, itemId: Ref }),
  /** An order for a crew member; null hands it back to direct control. */
  z.strictObject({ type: z.literal('order'), crewId: CrewId, order: Order.nullable() }),
  z.strictObject({ type: z.literal('endRun') }),
]);
export type Intent = z.infer<typeof Intent>;
export type IntentType = Intent['type'];

/** Every intent type, in the schema's order, for role permissions and message handlers. */
export const INTENT_TYPES = Intent.options.map((o) => o.shape.type.value) as readonly IntentType[];

/** Why an intent was refused; the client shows these through i18n as `refusal.<code>`. */
export type RefusalReason =
  | 'unknownCrew'
  | 'unreachable'
  | 'notAdjacent'
  | 'notADoor'
  | 'doorLocked'
  | 'blocked'
  | 'unknownEquipment'
  | 'unknownItem'
  | 'outOfRange'
  /** A wall, a shut door or glass stands between the nozzle and the fire. */
  | 'noClearLine'
  /** The crew member is down (burned, out of air) or dead: it waits to be carried out. */
  | 'crewDown'
  | 'notBurning'
  | 'empty'
  | 'noValve'
  | 'notOnStairs'
  | 'noFloorThere'
  | 'unknownVictim'
  | 'alreadyCarrying'
  | 'notCarrying'
  | 'victimTrapped'
  | 'victimDead'
  | 'notTrapped'
  | 'needsTool'
  | 'cannotForce'
  | 'busy'
  | 'notOutside'
  | 'noLadder'
  | 'ladderTooShort'
  | 'windowClosed'
  | 'unknownVehicle'
  | 'unknownHydrant'
  | 'hydrantDry'
  | 'hydrantTooFar'
  | 'alreadyHoldingHose'
  | 'notHoldingHose'
  | 'noElectrics'
  | 'notInRole'
  | 'notInPhase'
  | 'notAWindow'
  | 'noHydrant';
