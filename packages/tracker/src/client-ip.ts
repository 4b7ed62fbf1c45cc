/**
 * The visitor's address on the redirect path, which runs ahead of Fastify (see `redirect.ts`)
 * and so cannot read `request.ip`. It must be the address Fastify would give, or the rate
 * limit and the visitor key would differ between a plain `/<code>` and the same request
 * routed through Fastify: so this follows Fastify 5's `trustProxy` rules (lib/request.js,
 * `getTrustProxyFn`) with the same `@fastify/proxy-addr`, and `client-ip.test.ts` checks
 * both answers on the same requests for every kind of setting.
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/**
 * Builds the function that reads a request's client address.
 * @param trustProxy the tracker's `trustProxy` setting: `false`, `true`, or a comma list of addresses/CIDRs
 * @returns a function of the raw request; `false` gives the socket's peer, `true` the left-most `X-Forwarded-For`
 * entry, an address list the right-most entry not sent by a listed proxy
 * @example const ipOf = clientIpOf('10.0.0.0/8'); ipOf(req) // '203.0.113.7'
 */
export function clientIpOf(trustProxy: boolean | string): (req: IncomingMessage) => string {
  const peer = (req: IncomingMessage): string => req.socket.remoteAddress ?? '';
  if (trustProxy === false || trustProxy === '') return peer;
  const trust = trustProxy === true ? (): boolean => true : proxyAddr.compile(trustProxy.split(',').map((value) => value.trim()));
  return (req) => proxyAddr(req, trust);
}
