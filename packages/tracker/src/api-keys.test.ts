import { checkKey, hashKey, toStored } from './api-keys.js';

describe('API keys', () => {
  const stored = toStored([
    { key: 'issuer-key-1', scopes: ['issue'] },
    { key: 'reporter-key', scopes: ['report', 'erase'] },
  ]);

  it('stores only the SHA-256 of each key', () => {
    expect(stored.map((k) => k.hash)).toEqual([hashKey('issuer-key-1'), hashKey('reporter-key')]);
    expect(JSON.stringify(stored)).not.toContain('issuer-key-1');
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('finds the scopes of a Bearer key', () => {
    expect(checkKey('Bearer reporter-key', stored)).toEqual({ kind: 'ok', hash: hashKey('reporter-key'), scopes: ['report', 'erase'] });
    expect(checkKey('bearer  issuer-key-1', stored)).toMatchObject({ kind: 'ok', scopes: ['issue'] });
  });

  it('tells a missing header from an unknown key', () => {
    expect(checkKey(undefined, stored)).toEqual({ kind: 'missing' });
    expect(checkKey('Basic dXNlcjpwYXNz', stored)).toEqual({ kind: 'missing' });
    expect(checkKey('Bearer ', stored)).toEqual({ kind: 'missing' });
    expect(checkKey('Bearer issuer-key-2', stored)).toEqual({ kind: 'unknown' });
    expect(checkKey('Bearer ISSUER-KEY-1', stored)).toEqual({ kind: 'unknown' });
    expect(checkKey(`Bearer ${hashKey('issuer-key-1')}`, stored)).toEqual({ kind: 'unknown' });
  });
});
