/** The texture atlas's key in Phaser and the scale its frames were rendered at: everything that draws
 *  from the atlas needs only these (art/atlas.ts loads it). */
export const ATLAS = 'fg-atlas';
/** Frames are rendered at twice their game size: draw them at half scale to get the game size. */
export const ART_SCALE = 0.5;
