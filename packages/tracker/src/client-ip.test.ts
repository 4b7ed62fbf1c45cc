import { request } from 'node:http';
import Fastify from 'fastify';
import { clientIpOf } from './client-ip.js';

/** Forwarded-for headers a proxy chain (or a spoofing client) may send. */
const FORWARDED = [undefined, '203.0.113.7', '198.51.100.1, 203.0.113.7', '198.51.100.1, 127.0.0.2', '2001:db8::1, 127.0.0.1', 'not-an-address', ''];
/** Loopback accepts every 127/8 source address, which gives the tests peers to trust or not. */
const PEERS = ['127.0.0.1', '127.0.0.2'];

/** A Fastify server with `trustProxy` that answers its own `request.ip` and ours for the same request. */
async function both(trustProxy: boolean | string): Promise<{ ask: (peer: string, forwarded?: string) => Promise<{ fastify: string; ours: string }>; close: () => Promise<void> }> {
  const ours = clientIpOf(trustProxy);
  const app = Fastify({ trustProxy });
  app.get('/', async (req) => ({ fastify: req.ip, ours: ours(req.raw) }));
  const base = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
  const ask = (peer: string, forwarded?: string) =>
    new Promise<{ fastify: string; ours: string }>((resolve, reject) => {
      const headers = forwarded === undefined ? {} : { 'x-forwarded-for': forwarded };
      const req = request({ host: base.hostname, port: base.port, path: '/', headers, localAddress: peer, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      });
      req.on('error', reject);
      req.end();
    });
  return { ask, close: () => app.close() };
}

describe('clientIpOf', () => {
  // The redirect fast path reads the address itself; Fastify's request.ip is the reference.
  it.each([false, true, '127.0.0.1', '127.0.0.2, 10.0.0.0/8', 'loopback', '192.0.2.1'])(
    'gives the address Fastify gives with trustProxy %p',
    async (trustProxy) => {
      const server = await both(trustProxy);
      try {
        for (const forwarded of FORWARDED) {
          for (const peer of PEERS) {
            const answer = await server.ask(peer, forwarded);
            expect(answer.ours).toBe(answer.fastify);
          }
        }
      } finally {
        await server.close();
      }
    },
  );

  it('trusts no forwarded address without a proxy setting', async () => {
    const server = await both(false);
    await expect(server.ask('127.0.0.2', '203.0.113.7')).resolves.toEqual({ fastify: '127.0.0.2', ours: '127.0.0.2' });
    await server.close();
  });

  it('takes the client behind a listed proxy, and ignores what an unlisted peer forwards', async () => {
    const server = await both('127.0.0.2');
    await expect(server.ask('127.0.0.2', '198.51.100.1, 203.0.113.7')).resolves.toMatchObject({ ours: '203.0.113.7' });
    await expect(server.ask('127.0.0.1', '198.51.100.1, 203.0.113.7')).resolves.toMatchObject({ ours: '127.0.0.1' });
    await server.close();
  });
});
