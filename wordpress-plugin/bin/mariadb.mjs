/**
 * MariaDB for the second PHPUnit run: starts the server if needed (Debian's `service`),
 * recreates the `shareworthy_test` database and its user, and installs the site into it
 * (same WordPress files; wp-config.php and db.php switch on SHAREWORTHY_DB=mariadb).
 */
import { spawnSync } from 'node:child_process';
import { ensureSite } from './wp-env.mjs';

const ENV = { SHAREWORTHY_DB: 'mariadb', SHAREWORTHY_DB_NAME: 'shareworthy_test' };

const sql = (statement) => spawnSync('mariadb', ['-e', statement], { encoding: 'utf8' });

/**
 * @returns {{ ok: true, env: Record<string, string> } | { ok: false, message: string }}
 */
export function prepareMariadb() {
  if (spawnSync('mariadb', ['--version']).error) return { ok: false, message: 'mariadb is not installed (apt-get install -y mariadb-server php-mysql)' };
  const mysqli = spawnSync('php', ['-r', 'echo extension_loaded("mysqli") ? "yes" : "no";'], { encoding: 'utf8' });
  if (mysqli.stdout !== 'yes') return { ok: false, message: 'PHP lacks mysqli (apt-get install -y php-mysql)' };
  if (sql('SELECT 1').status !== 0) {
    spawnSync('service', ['mariadb', 'start'], { stdio: 'ignore' });
    if (sql('SELECT 1').status !== 0) return { ok: false, message: 'cannot reach MariaDB as root over its socket' };
  }
  const made = sql(
    [
      `DROP DATABASE IF EXISTS ${ENV.SHAREWORTHY_DB_NAME}`,
      `CREATE DATABASE ${ENV.SHAREWORTHY_DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`,
      "CREATE USER IF NOT EXISTS 'shareworthy'@'localhost' IDENTIFIED BY 'shareworthy'",
      `GRANT ALL ON ${ENV.SHAREWORTHY_DB_NAME}.* TO 'shareworthy'@'localhost'`,
    ].join('; '),
  );
  if (made.status !== 0) return { ok: false, message: made.stderr.trim() };
  ensureSite({ quiet: true, env: ENV });
  return { ok: true, env: ENV };
}
