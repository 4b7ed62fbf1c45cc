/**
 * MariaDB for the second PHPUnit run: filled in by the MariaDB step.
 */
export function prepareMariadb() {
  return { ok: false, message: 'not set up yet' };
}
