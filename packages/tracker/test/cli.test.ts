/**
 * The command as users run it: `bin/shareworthy-tracker.mjs` in its own process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, startChild, stopChild } from './child.js';

describe('shareworthy-tracker command', () => {
  it('lists every option with --help and exits 0', () => {
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const name of ['TRACKER_PORT', 'TRACKER_HOST', 'DATABASE_URL', 'TRACKER_SQLITE_PATH', 'TRACKER_API_KEYS', 'TRACKER_ALLOWED_ORIGINS', 'TRACKER_ALLOWED_TARGET_HOSTS', 'TRACKER_PUBLIC_URL', 'TRACKER_RETENTION_DAYS']) {
      expect(run.stdout).toContain(name);
    }
  });

  it('refuses bad configuration with the variable name and exit code 2', () => {
    const run = spawnSync(process.execPath, [BIN], { encoding: 'utf8', env: { ...process.env, TRACKER_PORT: 'eighty', TRACKER_API_KEYS: 'very-secret-key:root' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('TRACKER_PORT');
    expect(run.stderr).toContain('TRACKER_API_KEYS');
    expect(run.stderr).not.toContain('very-secret-key');
  });

  it('starts on SQLite with no set-up, serves, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-cli-'));
    try {
      const tracker = await startChild({ TRACKER_PORT: '0', TRACKER_SQLITE_PATH: join(dir, 'db.sqlite') });
      const health = await fetch(`${tracker.base}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', store: 'sqlite' });
      expect(await stopChild(tracker.child)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
