/** Immutable reads and writes by path into plain JSON documents (the draft scenario): a write copies
 *  only the objects and arrays along the path, so everything else keeps its identity. */

export type Path = readonly (string | number)[];

export function getIn(doc: unknown, path: Path): unknown {
  let cur = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A copy of `doc` with `value` at `path`; `undefined` removes an object's key. */
export function setIn<T>(doc: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const node: unknown = doc;
  const child = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  const next = setIn(child, rest, value);
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[key as number] = next;
    return copy as T;
  }
  const copy: Record<string | number, unknown> = node !== null && typeof node === 'object' ? { ...node } : {};
  if (next === undefined && rest.length === 0) delete copy[key];
  else copy[key] = next;
  return copy as T;
}

/** A copy with `fn` applied to the value at `path`. */
export function updateIn<T, V>(doc: T, path: Path, fn: (value: V) => V): T {
  return setIn(doc, path, fn(getIn(doc, path) as V));
}

/** A copy of the array at `path` without entry `index`. */
export function removeAt<T>(doc: T, path: Path, index: number): T {
  return updateIn<T, unknown[]>(doc, path, (list) => (Array.isArray(list) ? list.filter((_, i) => i !== index) : list));
}

/** A copy with `entry` appended to the array at `path` (created when missing). */
export function append<T>(doc: T, path: Path, entry: unknown): T {
  return updateIn<T, unknown[]>(doc, path, (list) => [...(Array.isArray(list) ? list : []), entry]);
}

/** A kebab-case id from `base` that none of `taken` uses: base-1, base-2... */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Any JSON value as text for display: strings as they are, other values as JSON. */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}
