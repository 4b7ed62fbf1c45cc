#!/usr/bin/env node
/**
 * `npm start` (at the repo root or in wordpress-plugin/): a local WordPress 6.8 with the
 * plugin active and demo content, at http://127.0.0.1:8888 (SHAREWORTHY_PORT or --port N).
 * Stays up until Ctrl-C, then stops the php workers.
 */
import { DEFAULT_PORT, PASSWORD, USERS, checkPhp, ensureSite, startServer } from './wp-env.mjs';

const flag = process.argv.indexOf('--port');
const port = Number(flag !== -1 ? process.argv[flag + 1] : process.env.SHAREWORTHY_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Invalid port: ${port}`);
  process.exit(2);
}

const php = checkPhp();
if (!php.ok) {
  console.error(php.message);
  process.exit(1);
}
const started = Date.now();
try {
  ensureSite();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const server = await startServer({ port });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
Shareworthy local WordPress (PHP ${php.version}, SQLite) is up in ${seconds} s:

  Site        ${server.url}/
  Admin       ${server.url}/wp-admin/
  REST API    ${server.url}/wp-json/shareworthy/v1/items
  Logins      ${USERS.map((user) => `${user.login} (${user.role})`).join(', ')}
  Password    ${PASSWORD}   (local demo only)

Ctrl-C stops it. Data lives in .wp/site (delete .wp/site to start over).`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  console.log('stopped');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Keep the event loop alive while the server runs.
setInterval(() => {}, 1 << 30);
