/** FNV-1a hashing for state hashes and scenario content hashes. Pure integer arithmetic through
 *  Math.imul, so Node and every browser produce the same digest. */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A running 64-bit-wide digest made of two independent 32-bit FNV-1a lanes. */
export class Hasher {
  private a = FNV_OFFSET;
  private b = FNV_OFFSET ^ 0x5bd1e995;

  /** Mixes one 32-bit integer (doubles are mixed through {@link Hasher.number}). */
  int(value: number): this {
    // Four bytes, low first, written out: this is the hot loop of every state and record hash.
    const v = value | 0;
    const b0 = v & 0xff;
    const b1 = (v >>> 8) & 0xff;
    const b2 = (v >>> 16) & 0xff;
    const b3 = v >>> 24;
    let a = this.a;
    let b = this.b;
    a = Math.imul(a ^ b0, FNV_PRIME);
    b = Math.imul(b ^ b0 ^ 0xa5, FNV_PRIME);
    a = Math.imul(a ^ b1, FNV_PRIME);
    b = Math.imul(b ^ b1 ^ 0xa5, FNV_PRIME);
    a = Math.imul(a ^ b2, FNV_PRIME);
    b = Math.imul(b ^ b2 ^ 0xa5, FNV_PRIME);
    a = Math.imul(a ^ b3, FNV_PRIME);
    b = Math.imul(b ^ b3 ^ 0xa5, FNV_PRIME);
    this.a = a;
    this.b = b;
    return this;
  }

  /** Mixes a double by its exact bit pattern is not portable without DataView, so it mixes a
   *  fixed-point rendering with 1/1000 resolution, which is all the simulation ever needs. */
  number(value: number): this {
    const scaled = Math.round(value * 1000);
    this.int(scaled % 0x100000000);
    return this.int(Math.floor(scaled / 0x100000000));
  }

  string(value: string): this {
    this.int(value.length);
    for (let i = 0; i < value.length; i++) this.int(value.charCodeAt(i));
    return this;
  }

  ints(values: ArrayLike<number>): this {
    this.int(values.length);
    for (let i = 0; i < values.length; i++) this.int(values[i] ?? 0);
    return this;
  }

  /** 16 hex digits. */
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** JSON with object keys sorted, so equal content always serialises to the same text. */
export function canonicalJson(value: unknown): string {
  // Plain loops and concatenation: the server hashes every uploaded record with this.
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // An element JSON cannot express (undefined, a function) becomes empty, as Array.join made it.
      out += (canonicalJson(value[i]) as string | undefined) ?? '';
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, the same order as < on strings.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** The content hash of any JSON value (scenario bodies, records). */
export function contentHash(value: unknown): string {
  return new Hasher().string(canonicalJson(value)).digest();
}
