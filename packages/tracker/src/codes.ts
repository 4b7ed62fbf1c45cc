/**
 * Short codes: 10 characters of base62 drawn from the CSPRNG (≈ 59.5 bits). Unguessable
 * enough that enumerating links is hopeless under the redirect rate limit, short enough for
 * a post on X. Rejection sampling keeps every character uniform (256 is not a multiple of 62).
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Length of every code this tracker issues. */
export const CODE_LENGTH = 10;
/** What a code looks like; anything else is a 404 without touching the database. */
export const CODE_PATTERN = /^[0-9A-Za-z]{10}$/;

/**
 * Draws a new random code.
 * @returns 10 base62 characters
 * @example newCode() // 'q3ZkT0bX9a'
 */
export function newCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < 248 && code.length < CODE_LENGTH) code += ALPHABET[byte % 62];
    }
  }
  return code;
}
