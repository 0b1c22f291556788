/** Published values behind each kind of item the plan can hold: fire class (TCVN 4878:2009), t-squared
 *  growth class (NFPA 72 Annex B / SFPE), peak heat release and fuel energy (mass x heat of combustion).
 *  Choosing a kind fills these in; the author may override any of them. docs/studio-guide.*.md cites
 *  each source. Data only. */

export interface ItemPreset {
  fireClass: 'A' | 'B' | 'C' | 'D' | 'F';
  growth: 'slow' | 'medium' | 'fast' | 'ultraFast';
  peakKW: number;
  fuelMJ: number;
  /** Fields only some kinds have: a gas valve and its failure time, live electrics. */
  extra?: { valve?: 'open'; failureS?: number; electrics?: 'live' };
  name: { vi: string; en: string };
  /** Where the numbers come from, in a few words (the guide has the full references). */
  source: string;
}

export const ITEM_PRESETS: Record<string, ItemPreset> = {
  panOil: {
    fireClass: 'F', growth: 'ultraFast', peakKW: 250, fuelMJ: 70,
    name: { vi: 'Chảo dầu ăn', en: 'Pan of cooking oil' },
    source: '2 L of oil x 0.92 kg/L x 37 MJ/kg; a 30 cm pool of oil burns at about 250 kW',
  },
  stove: {
    fireClass: 'C', growth: 'fast', peakKW: 50, fuelMJ: 100, extra: { valve: 'open' },
    name: { vi: 'Bếp gas', en: 'Gas stove' },
    source: 'two household burners, about 2 x 4 kW at the hob; a gas leak fire at the hose about 50 kW',
  },
  sofa: {
    fireClass: 'A', growth: 'fast', peakKW: 3000, fuelMJ: 1000,
    name: { vi: 'Ghế sofa', en: 'Sofa' },
    source: 'NBS Monograph 173 (Babrauskas and Krasny 1985): upholstered sofas up to about 3 MW; 40 kg x 25 MJ/kg',
  },
  bed: {
    fireClass: 'A', growth: 'fast', peakKW: 1500, fuelMJ: 500,
    name: { vi: 'Giường nệm', en: 'Bed and mattress' },
    source: 'CBUF (Sundström 1995): polyurethane mattresses 1-2 MW; 20 kg x 25 MJ/kg',
  },
  cartons: {
    fireClass: 'A', growth: 'fast', peakKW: 2000, fuelMJ: 1200,
    name: { vi: 'Thùng các-tông xếp chồng', en: 'Stacked cartons' },
    source: 'NFPA 72 Annex B: stacked cartons are a fast fire; 75 kg x 16 MJ/kg',
  },
  motorbike: {
    fireClass: 'A', growth: 'fast', peakKW: 1000, fuelMJ: 900,
    name: { vi: 'Xe máy', en: 'Motorbike' },
    source: 'estimate: plastics, tyres and 3 L of petrol, about 900 MJ; peak about 1 MW (the shipped scenarios use it)',
  },
  car: {
    fireClass: 'A', growth: 'medium', peakKW: 4000, fuelMJ: 6000,
    name: { vi: 'Ô tô con', en: 'Car' },
    source: 'CTICM car fire tests (Joyeux 1997): peaks of several MW and several GJ in all',
  },
  lpgCylinder: {
    fireClass: 'C', growth: 'ultraFast', peakKW: 600, fuelMJ: 550, extra: { valve: 'open', failureS: 300 },
    name: { vi: 'Bình gas LPG 12 kg', en: '12 kg LPG cylinder' },
    source: '12 kg x 46 MJ/kg (LPG heat of combustion); a jet fire at the valve about 600 kW',
  },
  cabinet: {
    fireClass: 'A', growth: 'medium', peakKW: 800, fuelMJ: 400,
    name: { vi: 'Tủ gỗ', en: 'Wooden cabinet' },
    source: 'wood furniture is a medium fire (NFPA 72 Annex B); 22 kg x 18 MJ/kg',
  },
  electricalPanel: {
    fireClass: 'A', growth: 'slow', peakKW: 20, fuelMJ: 5, extra: { electrics: 'live' },
    name: { vi: 'Tủ điện', en: 'Electrical panel' },
    source: 'a meter box: cable insulation only, slow; live until isolated',
  },
  foamPanels: {
    fireClass: 'A', growth: 'ultraFast', peakKW: 2000, fuelMJ: 500,
    name: { vi: 'Tấm xốp cách âm', en: 'Acoustic foam panels' },
    source: 'polyurethane foam is ultra-fast (NFPA 72 Annex B); 20 kg x 25 MJ/kg',
  },
  goods: {
    fireClass: 'A', growth: 'medium', peakKW: 1500, fuelMJ: 2000,
    name: { vi: 'Hàng hóa', en: 'Shop goods' },
    source: 'mixed goods on shelves, medium growth; about 110 kg x 18 MJ/kg',
  },
};

/** Energy of a t-squared fire from ignition until it reaches its peak, in MJ: alpha t^3 / 3 with
 *  t = sqrt(peak / alpha). Used by the guide's table and its test, never by the simulation. */
export function growthEnergyMJ(alpha: number, peakKW: number): number {
  const t = Math.sqrt(peakKW / alpha);
  return (alpha * t * t * t) / 3 / 1000;
}
