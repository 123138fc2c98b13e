import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Turns } from '../../server/turns.ts';

// OWASP's scrypt floor (N=2^17, r=8, p=1); 128 MiB of memory per hash is why maxmem is raised.
const params = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const keyLength = 32;

/**
 * Hashes take turns, two at a time. scrypt runs on libuv's pool of four threads, which also reads
 * the files the server sends: twenty logins at once held all four, and the web page and its
 * scripts waited up to a minute behind them. Two at a time leave two threads for the files; the
 * other logins wait their turn.
 */
const hashing = new Turns(2);

const derive = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  hashing.run(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );

/** Format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Spent on an unknown e-mail too, so response time does not tell which accounts exist. */
let dummyHash: Promise<string> | null = null;
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('metroplan-dummy-password');
  await verifyPassword(password, await dummyHash);
}
