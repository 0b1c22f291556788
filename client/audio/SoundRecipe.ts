/** The format of a sound source in assets/sounds/: a recipe Web Audio plays, not a recording. A one-shot
 *  is a few enveloped tones and noise bursts; a loop is one source (tone or noise) through an optional
 *  filter, with an optional wobble, whose level the game sets. Shape only. */
import { z } from 'zod';

const Filter = z.strictObject({ type: z.enum(['lowpass', 'highpass', 'bandpass']), frequency: z.number().min(20).max(20000), q: z.number().min(0.1).max(30) });
const Wave = z.enum(['sine', 'square', 'sawtooth', 'triangle']);

export const SoundRecipe = z.discriminatedUnion('kind', [
  z.strictObject({
    $comment: z.string(),
    kind: z.literal('oneShot'),
    tones: z.array(z.strictObject({ wave: Wave, frequency: z.number().min(20).max(20000), start: z.number().min(0).max(10), duration: z.number().min(0.01).max(10), peak: z.number().min(0).max(1) })).default([]),
    noise: z.array(z.strictObject({ start: z.number().min(0).max(10), duration: z.number().min(0.01).max(10), peak: z.number().min(0).max(1), filter: Filter })).default([]),
  }),
  z.strictObject({
    $comment: z.string(),
    kind: z.literal('loop'),
    source: z.enum(['tone', 'brownNoise', 'whiteNoise']),
    wave: Wave.optional(),
    frequency: z.number().min(20).max(20000).optional(),
    filter: Filter.optional(),
    /** A wobble of the tone's pitch (Hz of depth) at `rate` Hz. */
    lfo: z.strictObject({ rate: z.number().min(0.1).max(50), depth: z.number().min(0).max(2000) }).optional(),
    /** Sparse clicks mixed in (a fire's crackle), 0 to 1. */
    crackle: z.number().min(0).max(1).optional(),
    /** The level at full strength. */
    gain: z.number().min(0).max(1),
  }),
]);
export type SoundRecipe = z.infer<typeof SoundRecipe>;
export type LoopRecipe = Extract<SoundRecipe, { kind: 'loop' }>;
export type OneShotRecipe = Extract<SoundRecipe, { kind: 'oneShot' }>;
