/** The scenario library at run time: loads the shipped files as built-ins (once, by content hash),
 *  keeps the in-memory catalogue at each scenario's published version, and finds the exact version a
 *  run record names. Decides no access: routes ask access/policy.ts first. */
import { contentHash, validateScenario, type Scenario, type ScenarioIssue } from '../../engine/index';
import type { ScenarioCatalogue, ScenarioSource } from '../scenarioCatalogue';
import type { ScenarioStore } from '../store/ScenarioStore';

export interface BuiltinLoad {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Ids a library scenario already holds; the file is not loaded. */
  conflicts: string[];
}

/** A scenario as the server accepts it: parsed (defaults applied) and checked, with its hash. */
export type Checked = { ok: true; scenario: Scenario; hash: string } | { ok: false; issues: ScenarioIssue[] };

/** Parses and checks client-sent content with the engine's own schema and checker. */
export function checkContent(input: unknown): Checked {
  const result = validateScenario(input);
  if (!result.ok) return { ok: false, issues: [...result.issues] };
  return { ok: true, scenario: result.scenario, hash: contentHash(result.scenario) };
}

export class ScenarioLibrary implements ScenarioSource {
  /** Immutable versions by `${id}@${hash}`: content never changes once stored. */
  private readonly versions = new Map<string, Scenario>();
  /** The hash of what `catalogue` holds per id. */
  private readonly playable = new Map<string, string>();

  constructor(
    private readonly store: ScenarioStore,
    /** Starts with the shipped files; from then on mirrors the published versions. */
    readonly catalogue: ScenarioCatalogue,
  ) {
    for (const s of catalogue.all()) this.remember(s, contentHash(s));
  }

  private remember(scenario: Scenario, hash: string): void {
    this.versions.set(`${scenario.id}@${hash}`, scenario);
  }

  /** Adds the shipped scenarios that the store does not hold yet; a restart adds nothing. */
  async loadBuiltins(): Promise<BuiltinLoad> {
    const out: BuiltinLoad = { added: [], updated: [], unchanged: [], conflicts: [] };
    for (const scenario of this.catalogue.all()) {
      const result = await this.store.ensureBuiltin(scenario, contentHash(scenario));
      out[result === 'conflict' ? 'conflicts' : result].push(scenario.id);
      // The library's own scenario under that id is what plays, never the file beside it.
      if (result === 'conflict') this.catalogue.remove(scenario.id);
    }
    await this.refresh();
    return out;
  }

  /** Brings the in-memory catalogue to the published versions in the store (another process may
   *  have published or withdrawn since). Loads content only for what changed. */
  async refresh(): Promise<void> {
    const published = await this.store.published({ kind: 'all' }, false);
    const live = new Set<string>();
    for (const entry of published) {
      live.add(entry.id);
      if (this.playable.get(entry.id) === entry.contentHash) continue;
      const scenario = await this.exact(entry.id, entry.contentHash);
      if (!scenario) continue;
      this.catalogue.put(scenario);
      this.playable.set(entry.id, entry.contentHash);
    }
    for (const id of this.playable.keys()) {
      if (live.has(id)) continue;
      this.catalogue.remove(id);
      this.playable.delete(id);
    }
  }

  /** The stored version with this content hash, whatever its status. */
  async exact(id: string, hash: string): Promise<Scenario | undefined> {
    const key = `${id}@${hash}`;
    const known = this.versions.get(key);
    if (known) return known;
    const found = await this.store.versionByHash(id, hash);
    if (!found) return undefined;
    this.versions.set(key, found.content);
    return found.content;
  }

  /** The version a record names; failing that the playable one, whose replay reports the mismatch. */
  async resolve(id: string, hash: string): Promise<Scenario | undefined> {
    const exact = await this.exact(id, hash);
    if (exact) return exact;
    await this.refresh();
    return this.catalogue.get(id);
  }
}
