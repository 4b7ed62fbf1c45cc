/**
 * API keys: given in clear at start (TRACKER_API_KEYS), stored only as SHA-256, and checked in
 * constant time. The presented key is hashed, then compared with every stored hash using
 * `timingSafeEqual`, without stopping at a match, so the time taken says nothing about which
 * key matched or how much of it did.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { BootstrapKey, Scope } from './config.js';
import type { StoredApiKey } from './store/store.js';

/**
 * SHA-256 of a key, hex.
 * @param key the key in clear
 * @returns 64 hex characters
 * @example hashKey('k1-secret') // '…64 hex…'
 */
export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * What the database keeps of the bootstrap keys.
 * @param keys keys from the configuration
 * @returns hashes with their scopes
 * @example toStored([{ key: 'k1-secret', scopes: ['issue'] }])
 */
export const toStored = (keys: readonly BootstrapKey[]): StoredApiKey[] => keys.map((k) => ({ hash: hashKey(k.key), scopes: k.scopes }));

/** The outcome of checking an `Authorization` header. */
export type KeyCheck =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'ok'; readonly hash: string; readonly scopes: readonly Scope[] };

/**
 * Checks a Bearer key against the stored keys.
 * @param authorization the request's `Authorization` header
 * @param keys stored keys (hashes and scopes)
 * @returns missing, unknown, or the matching key's hash and scopes
 * @example checkKey('Bearer k1-secret', await store.listApiKeys())
 */
export function checkKey(authorization: string | undefined, keys: readonly StoredApiKey[]): KeyCheck {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization ?? '');
  if (match === null) return { kind: 'missing' };
  const presented = Buffer.from(hashKey(match[1] as string), 'hex');
  let found: StoredApiKey | undefined;
  for (const key of keys) {
    const stored = Buffer.from(key.hash, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented) && found === undefined) found = key;
  }
  return found === undefined ? { kind: 'unknown' } : { kind: 'ok', hash: found.hash, scopes: found.scopes };
}
