// RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) as authenticator
// apps compute it, for logging in demo users and users enrolled in a test.
import { createHash, createHmac } from 'node:crypto';

export const STEP_SECONDS = 30;

/** RFC 4226 HOTP of `counter` with `secret` (bytes). */
export function hotp(secret, counter, digits = 6) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The 30-second step of a moment (ms since the epoch). */
export function stepAt(ms = Date.now()) {
  return Math.floor(ms / 1000 / STEP_SECONDS);
}

/** RFC 4648 base32 (the secret an enrolment shows), case and spaces ignored. */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The published TOTP seed of a demo user: SHA-1("regie-demo-totp:" + username). */
export function demoSeed(username) {
  return createHash('sha1').update(`regie-demo-totp:${username}`).digest();
}

// The server accepts a step only once per user, and steps within one of now
// (clock drift). The last step used per secret lets a test log the same user
// in twice without a refused replay: it takes the next step, and waits only
// when that is more than one step ahead.
const lastStep = new Map();

/**
 * A code for `secret` that the server has not seen yet; waits if needed.
 * `key` names the secret (e.g. the username).
 */
export async function freshCode(key, secret) {
  for (;;) {
    const now = stepAt();
    const step = Math.max(now, (lastStep.get(key) ?? -Infinity) + 1);
    if (step <= now + 1) {
      lastStep.set(key, step);
      return hotp(secret, step);
    }
    const wait = (step - 1) * STEP_SECONDS * 1000 - Date.now() + 200;
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 200)));
  }
}

/** A code that is certainly wrong now (for tests of a refused code). */
export function wrongCode(secret) {
  const now = stepAt();
  const valid = new Set([now - 1, now, now + 1].map((s) => hotp(secret, s)));
  for (let i = 0; ; i += 1) {
    const candidate = String((123456 + i * 7919) % 1000000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}
