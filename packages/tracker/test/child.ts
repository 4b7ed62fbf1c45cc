/**
 * The tracker as a separate process, started exactly as users start it (`bin/`, reading the
 * environment), for the CLI and crash tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(__dirname, '..', 'bin', 'shareworthy-tracker.mjs');

/** A tracker child process that is listening. */
export interface ChildTracker {
  readonly child: ChildProcess;
  readonly base: string;
  /** Everything it printed so far. */
  output(): string;
}

/**
 * Starts `bin/shareworthy-tracker.mjs` and waits for its "tracker listening" log line.
 * @param env environment variables on top of this process's
 */
export function startChild(env: Readonly<Record<string, string>>): Promise<ChildTracker> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], { env: { ...process.env, TRACKER_LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let listening = false;
    const timer = setTimeout(() => reject(new Error(`tracker did not start within 20 s:\n${out}`)), 20_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /"address":"(http:\/\/[^"]+)"/.exec(out);
      if (match !== null && !listening) {
        listening = true;
        clearTimeout(timer);
        resolve({ child, base: match[1] as string, output: () => out });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`tracker exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
}

/**
 * Sends a signal and waits for the process to exit.
 * @returns the exit code or signal
 */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode ?? child.signalCode);
      return;
    }
    child.once('exit', (code, sig) => resolve(code ?? sig));
    child.kill(signal);
  });
}
