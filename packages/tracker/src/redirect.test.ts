import { plainRedirectCode } from './redirect.js';

describe('plainRedirectCode', () => {
  it.each([
    ['GET', '/q3ZkT0bX9a'],
    ['HEAD', '/q3ZkT0bX9a'],
    ['GET', '/q3ZkT0bX9a?fbclid=IwAR0x&utm_source=x'],
    ['GET', '/q3ZkT0bX9a?'],
  ])('takes %s %s on the fast path', (method, url) => {
    expect(plainRedirectCode(method, url)).toBe('q3ZkT0bX9a');
  });

  it.each([
    ['POST', '/q3ZkT0bX9a'],
    ['OPTIONS', '/q3ZkT0bX9a'],
    ['get', '/q3ZkT0bX9a'],
    [undefined, '/q3ZkT0bX9a'],
    ['GET', undefined],
    ['GET', '/q3ZkT0bX9a/'],
    ['GET', '//q3ZkT0bX9a'],
    ['GET', '/q3ZkT0bX9'],
    ['GET', '/q3ZkT0bX9ab'],
    ['GET', '/%713ZkT0bX9a'],
    ['GET', '/q3ZkT0bX9a%00'],
    ['GET', '/q3ZkT0bX9a;jsessionid=1'],
    ['GET', '/q3ZkT0bX9a#top'],
    ['GET', 'http://go.example.com/q3ZkT0bX9a'],
    ['GET', '/q3ZkT0bX9\u0430'],
    ['GET', '/q3ZkT0bX9\u200b'],
    ['GET', '/api/reports'],
    ['GET', '/healthz'],
  ])('leaves %s %s to Fastify', (method, url) => {
    expect(plainRedirectCode(method, url)).toBeUndefined();
  });
});
