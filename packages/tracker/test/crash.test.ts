/**
 * Crash test: a tracker process under load is killed with SIGKILL, restarted on the same
 * database, and every click whose 302 the load client received must be in the database.
 * This is what "written durably before the 302 is sent" means, group commit included.
 */
import { Agent, request } from 'node:http';
import { BROWSER_UA } from './harness.js';
import { startChild, stopChild } from './child.js';
import { STORE_KINDS, freshDatabases } from './stores.js';

const KEY = 'crash-test-issuer';
const WORKERS = 48;

function get(agent: Agent, base: string, path: string, visitor: number): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        agent,
        headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` },
      },
      (res) => {
        // Headers received: the tracker has sent its answer.
        resolve(res.statusCode ?? 0);
        res.resume();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe.each(STORE_KINDS)('%s: kill -9 under load', (kind) => {
  const newDatabase = freshDatabases(kind);

  it('loses no click whose redirect was answered, and starts again on the same database', async () => {
    const db = await newDatabase();
    const env = {
      ...db.env,
      TRACKER_PORT: '0',
      TRACKER_API_KEYS: `${KEY}:issue`,
      TRACKER_ALLOWED_TARGET_HOSTS: 'intranet.example.com',
      TRACKER_TRUST_PROXY: 'true',
      TRACKER_REDIRECT_RATE_PER_MINUTE: '10000000',
    };
    const first = await startChild(env);
    const codes: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${first.base}/api/links`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ targetUrl: `https://intranet.example.com/n/${i}`, itemId: `i${i}`, campaign: 'Crash', network: 'linkedin', shareId: `s${i}` }),
      });
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { code: string }).code);
    }

    const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });
    let sent = 0;
    let answered = 0;
    let running = true;
    const unexpected: number[] = [];
    const worker = async (): Promise<void> => {
      while (running) {
        sent += 1;
        const visitor = sent;
        // A request the dying process never answered is simply not counted as answered.
        const status = await get(agent, first.base, `/${codes[visitor % codes.length]}`, visitor).catch(() => 0);
        if (status === 302) answered += 1;
        else if (status !== 0) unexpected.push(status);
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    // Kill once the load is well under way, in the middle of batches being written.
    while (answered < 1500) await new Promise((resolve) => setTimeout(resolve, 5));
    const signal = await stopChild(first.child, 'SIGKILL');
    running = false;
    await Promise.allSettled(workers);
    agent.destroy();
    expect(signal).toBe('SIGKILL');
    expect(unexpected).toEqual([]);

    const second = await startChild(env);
    try {
      const health = await fetch(`${second.base}/healthz`);
      expect(health.status).toBe(200);
      const store = db.open();
      const stored = (await store.clicksBetween(0, Number.MAX_SAFE_INTEGER)).length;
      await store.close();
      // Every answered redirect was stored; some sent but unanswered ones may be too.
      expect(stored).toBeGreaterThanOrEqual(answered);
      expect(stored).toBeLessThanOrEqual(sent);
    } finally {
      await stopChild(second.child);
    }
  }, 90_000);
});
