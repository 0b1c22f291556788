/** Compartment fire correlations (DOMAIN.md, docs/engine/compartment-fire.md): MQH hot-layer
 *  temperature for a room with an opening, Beyler's energy balance for a shut one, MQH flashover HRR
 *  with the Babrauskas and Thomas alternatives, and the ventilation limit of an opening. Pure
 *  functions of geometry and heat release; the world calls them per compartment every tick. */
import { cbrt, sqrt } from './exactMath';

/** Wall conductance hk (kW/m^2K) of 12.7 mm gypsum board, k = 0.17 W/mK. */
export const HK_GYPSUM = 0.0134;

export interface Opening {
  /** Area in m^2. */
  area: number;
  /** Height in m. */
  height: number;
}

export interface CompartmentGeometry {
  /** Floor area in m^2. */
  floorArea: number;
  /** Perimeter in m. */
  perimeter: number;
  /** Ceiling height in m. */
  ceilingHeight: number;
  /** Wall conductance in kW/m^2K. */
  hk: number;
}

/** The ventilation factor sum of A0 * sqrt(H0) over all openings. */
export function ventilationFactor(openings: readonly Opening[]): number {
  let sum = 0;
  for (const o of openings) sum += o.area * sqrt(o.height);
  return sum;
}

/** AT: total internal surface (floor, ceiling, walls) minus the openings, in m^2. */
export function internalSurface(g: CompartmentGeometry, openings: readonly Opening[]): number {
  let openArea = 0;
  for (const o of openings) openArea += o.area;
  return 2 * g.floorArea + g.perimeter * g.ceilingHeight - openArea;
}

/** MQH hot-layer temperature rise in degrees Celsius for a fire of q kW. */
export function mqhTemperatureRise(q: number, g: CompartmentGeometry, openings: readonly Opening[]): number {
  const av = ventilationFactor(openings);
  // A sealed room has no MQH solution; treat it as leaking through a crack so the layer still heats.
  const vent = av > 0 ? av : 0.01;
  return 6.85 * cbrt((q * q) / (vent * internalSurface(g, openings) * g.hk));
}

/** MQH flashover heat release rate in kW: Q_fo = 610 * sqrt(hk * AT * A0 * sqrt(H0)). */
export function flashoverHrrMqh(g: CompartmentGeometry, openings: readonly Opening[]): number {
  return 610 * sqrt(g.hk * internalSurface(g, openings) * ventilationFactor(openings));
}

/** Babrauskas: Q_fo = 750 * A0 * sqrt(H0). */
export function flashoverHrrBabrauskas(openings: readonly Opening[]): number {
  return 750 * ventilationFactor(openings);
}

/** Thomas: Q_fo = 7.8 * AT + 378 * A0 * sqrt(H0). */
export function flashoverHrrThomas(g: CompartmentGeometry, openings: readonly Opening[]): number {
  return 7.8 * internalSurface(g, openings) + 378 * ventilationFactor(openings);
}

/** The most heat (kW) the openings can feed: roughly 1500 * A0 * sqrt(H0). */
export function ventilationLimitedHrr(openings: readonly Opening[]): number {
  return 1500 * ventilationFactor(openings);
}

/** Ambient air: density (kg/m^3) and specific heat (kJ/kgK), as in the MQH and Beyler derivations. */
const AIR_DENSITY = 1.2;
const AIR_CP = 1.0;
/** Thermal inertia root sqrt(k rho c) of gypsum board linings, kW s^0.5 / m^2 K: k = 0.00017 kW/mK,
 *  rho = 960 kg/m^3, c = 1.1 kJ/kgK (NUREG-1805, ch. 2, table of enclosure surface properties). */
export const ROOT_KRHOC_GYPSUM = sqrt(0.00017 * 960 * 1.1);
/** Beyler's effective lining coefficient: h(t) = 0.4 sqrt(k rho c / t). */
const BEYLER_H = 0.4;
/** Air drawn through an opening, kg/s per unit of A0 sqrt(H0) (Kawagoe; Karlsson and Quintiere, ch. 6). */
const VENT_FLOW_PER_AV = 0.5;

/** One step of a shut room's hot-gas energy balance (Beyler, closed compartment; SFPE Handbook and
 *  NUREG-1805 ch. 2): m cp dT/dt = Q - h(t) AT dT - m_leak cp dT, with m the room's air, h(t) =
 *  0.4 sqrt(k rho c / t) the loss into thermally thick linings `seconds` after the fire began, and
 *  m_leak the air through the gaps (0.5 A0 sqrt(H0) kg/s). Implicit in dT, so it is stable for any step
 *  and from t = 0. Returns the rise above ambient after `dtS` more seconds. */
export function shutRoomRiseStep(riseC: number, q: number, seconds: number, dtS: number, g: CompartmentGeometry, openings: readonly Opening[]): number {
  const mcp = AIR_DENSITY * g.floorArea * g.ceilingHeight * AIR_CP;
  const t = seconds > dtS ? seconds : dtS;
  const lining = (BEYLER_H * ROOT_KRHOC_GYPSUM * internalSurface(g, openings)) / sqrt(t);
  const leak = VENT_FLOW_PER_AV * ventilationFactor(openings) * AIR_CP;
  return (riseC + (dtS * q) / mcp) / (1 + (dtS * (lining + leak)) / mcp);
}
