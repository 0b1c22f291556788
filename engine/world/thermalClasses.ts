/** Firefighter thermal environments: the published classes of gas temperature and radiant heat flux a
 *  crew member in structural protective clothing can endure, and for how long (NIST TN 1474, Donnelly
 *  et al. 2006, after Utech 1973; NIST SP 1102 "Fire Facts"), and the radiant heat arriving at a crew
 *  member from the hot layer above and the flames in sight. Arithmetic only: + - * / on doubles. */
import { CELL_SIZE_M } from './constants';

export type ThermalClass = 'none' | 'routine' | 'ordinary' | 'emergency' | 'critical';

/** Upper bounds of each class: gas temperature (degC), radiant flux (kW/m2), and the time the clothing
 *  protects there (s). Donnelly et al. 2006, Table 1 (thermal classes I-IV); below 60 degC and 1 kW/m2
 *  (Utech's routine air temperature) nothing is counted against the clothing. */
export const THERMAL_CLASSES: readonly { cls: Exclude<ThermalClass, 'none' | 'critical'>; maxC: number; maxKW: number; limitS: number }[] = [
  { cls: 'routine', maxC: 100, maxKW: 1, limitS: 25 * 60 },
  { cls: 'ordinary', maxC: 160, maxKW: 2, limitS: 15 * 60 },
  { cls: 'emergency', maxC: 260, maxKW: 10, limitS: 5 * 60 },
];
/** Air below this and radiant flux at or under 1 kW/m2 is the everyday band: no limit. */
export const NO_LIMIT_C = 60;
export const NO_LIMIT_KW = 1;
/** Class IV, critical (flashover and beyond): under a minute. */
export const CRITICAL_LIMIT_S = 60;
/** NFPA 1971: an outer shell assembly's thermal protective performance (TPP) is at least 35 cal/cm2,
 *  measured at 84 kW/m2 (2 cal/cm2 s): 35 cal/cm2 = 1464 kJ/m2 reach the skin's second-degree burn
 *  threshold, so at flux q the gear protects for about 1464 / q seconds (17 s at 84 kW/m2). */
export const TPP_KJ_PER_M2 = 35 * 41.84;

/** The class of an environment: the worse of its gas temperature and its radiant flux. */
export function thermalClass(gasC: number, radiantKW: number): ThermalClass {
  if (gasC < NO_LIMIT_C && radiantKW <= NO_LIMIT_KW) return 'none';
  for (const c of THERMAL_CLASSES) if (gasC <= c.maxC && radiantKW <= c.maxKW) return c.cls;
  return 'critical';
}

/** Seconds the protective clothing endures an environment; Infinity in the everyday band. */
export function enduranceS(gasC: number, radiantKW: number): number {
  const cls = thermalClass(gasC, radiantKW);
  if (cls === 'none') return Infinity;
  if (cls === 'critical') return radiantKW > 0 && TPP_KJ_PER_M2 / radiantKW < CRITICAL_LIMIT_S ? TPP_KJ_PER_M2 / radiantKW : CRITICAL_LIMIT_S;
  return THERMAL_CLASSES.find((c) => c.cls === cls)?.limitS ?? CRITICAL_LIMIT_S;
}

/** Stefan-Boltzmann constant in kW/m2K4. */
const SIGMA = 5.67e-11;
const KELVIN = 273.15;

const fourth = (x: number): number => {
  const sq = x * x;
  return sq * sq;
};

/** Net radiant flux (kW/m2) from a hot smoke layer at `layerC` above to a target at `ambientC`, taking
 *  the layer as a black body (thick smoke): 500 degC gives about 20 kW/m2, the floor-level flux that
 *  marks flashover (DOMAIN.md, flashover signs). */
export function layerFluxKW(layerC: number, ambientC: number): number {
  if (layerC <= ambientC) return 0;
  return SIGMA * (fourth(layerC + KELVIN) - fourth(ambientC + KELVIN));
}

/** Radiative share of a fire's heat release (SFPE Handbook, point-source model: 0.3 is typical of
 *  furnishings and pool fires). */
export const RADIATIVE_FRACTION = 0.3;
const FOUR_PI = 4 * 3.141592653589793;
/** Closer than half a metre the point source has no meaning: the target stands in the flames. */
const MIN_DISTANCE_M2 = 0.25;

/** Radiant flux (kW/m2) from a fire of `hrrKW` at a distance of `cells2` squared cells: the point-source
 *  model, q = chi_r Q / (4 pi R^2) (Modak 1977; SFPE Handbook). */
export function pointSourceFluxKW(hrrKW: number, cells2: number): number {
  if (hrrKW <= 0) return 0;
  const r2 = cells2 * CELL_SIZE_M * CELL_SIZE_M;
  return (RADIATIVE_FRACTION * hrrKW) / (FOUR_PI * (r2 < MIN_DISTANCE_M2 ? MIN_DISTANCE_M2 : r2));
}
