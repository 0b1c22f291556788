/** The engine's version, stamped on every run record. Bump it whenever the simulation rules change,
 *  because a record replays to the same score only on the engine version that produced it. */
export const ENGINE_VERSION = '0.8.0';
