/**
 * `shareworthy-tracker`: reads the environment, starts the tracker, and stops it cleanly on
 * SIGINT/SIGTERM (pending clicks are written before the process exits).
 */
import { helpText, parseConfig } from './config.js';
import { startTracker } from './server.js';

/**
 * Runs the command line.
 * @param argv arguments after the program name
 * @param env environment variables
 * @returns the process exit code once the tracker has stopped (or at once for `--help` and bad configuration)
 * @example process.exitCode = await main(process.argv.slice(2), process.env);
 */
export async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText());
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`Unknown argument ${argv[0]}; configuration comes from environment variables.\n\n${helpText()}`);
    return 2;
  }
  const config = parseConfig(env);
  if (!config.success) {
    for (const issue of config.issues) process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
    return 2;
  }
  const tracker = await startTracker(config.output);
  tracker.app.log.info({ address: tracker.address, store: config.output.databaseUrl === undefined ? 'sqlite' : 'postgres' }, 'tracker listening');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      tracker.close().then(resolve, (error: unknown) => {
        tracker.app.log.error({ err: error }, 'error while stopping');
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
