/**
 * A throwaway PostgreSQL 15 cluster for tests and the benchmark: initdb in a temp folder,
 * listening on a free loopback port, stopped and deleted afterwards. PostgreSQL refuses to
 * run as root, so as root the server runs as the `postgres` user (created by Debian's
 * package). If anything fails this throws: a PostgreSQL suite must fail, never skip.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where Debian's PostgreSQL 15 puts its server programs; PG_BIN overrides. */
const BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/** A running cluster. */
export interface PgCluster {
  /** Connection URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (immediate mode) and deletes its files. */
  stop(): Promise<void>;
}

/** Options for {@link startPgCluster}. */
export interface PgClusterOptions {
  /**
   * Keep PostgreSQL's fsync (the benchmark measures real commits). Tests turn it off: they
   * kill the tracker, never the database, so the database's own durability is not under test.
   * @default false
   */
  readonly fsync?: boolean;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error('running as root but there is no "postgres" user to run PostgreSQL as (apt-get install postgresql)');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function run(program: string, args: readonly string[]): void {
  const command = isRoot ? '/usr/sbin/runuser' : join(BIN, program);
  const argv = isRoot ? ['-u', 'postgres', '--', join(BIN, program), ...args] : [...args];
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}${result.error?.message ?? ''}`);
  }
}

/**
 * Starts a cluster.
 * @param options whether to keep fsync
 * @returns the running cluster
 * @example const cluster = await startPgCluster(); const url = await cluster.createDatabase('t1');
 */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error(`PostgreSQL server programs not found in ${BIN} (apt-get install postgresql, or set PG_BIN)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'shareworthy-pg-'));
  const data = join(dir, 'data');
  if (isRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=100',
    '-c shared_buffers=64MB',
    ...(options.fsync === true ? [] : ['-c fsync=off', '-c full_page_writes=off']),
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

