/** Argon2id password hashing in the PHC string format, through Node's crypto (OpenSSL's Argon2
 *  implementation, shipped with the pinned Node 24). Never logs, stores or compares plain passwords. */
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/** OWASP's Password Storage Cheat Sheet minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const TAG_LENGTH = 32;
const SALT_LENGTH = 16;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, nonce: Buffer, params: { memory: number; passes: number; parallelism: number }, tagLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: Buffer.from(password.normalize('NFC'), 'utf8'), nonce, tagLength, ...params }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/** PHC strings use unpadded standard base64. */
const b64 = (buf: Buffer): string => buf.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const tag = await derive(password, salt, ARGON2_PARAMS, TAG_LENGTH);
  const { memory, passes, parallelism } = ARGON2_PARAMS;
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(tag)}`;
}

/** False for a wrong password and for anything that is not an Argon2id PHC string. */
export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  const m = PHC.exec(encoded);
  if (!m) return false;
  const [, memory, passes, parallelism, salt, tag] = m;
  const expected = Buffer.from(tag ?? '', 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(salt ?? '', 'base64'), { memory: Number(memory), passes: Number(passes), parallelism: Number(parallelism) }, expected.length);
  return timingSafeEqual(actual, expected);
}

/** Hashed once at startup; verified against when a username is unknown, so the answer takes as long
 *  as for a known one and does not reveal which usernames exist. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}
