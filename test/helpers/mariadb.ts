/**
 * A real MariaDB server for the tests: a fresh data folder (mariadb-install-db), then mariadbd on
 * a free port with table names case-insensitive (as Spider's queries need), killed and removed
 * when the process ends, so no daemon is left running. Debian's `mariadb-server` package provides
 * the binaries (`.ci/run` installs it); as root the server runs as the package's `mysql` user.
 * Outside CI the tests that need it are skipped when the binaries are absent.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './port.js';
import type { TestServer } from './postgres.js';

const SERVER = '/usr/sbin/mariadbd';
const INSTALL = '/usr/bin/mariadb-install-db';

export function mariadbOrSkip(): { skip: string | false } {
  if (existsSync(SERVER) && existsSync(INSTALL)) return { skip: false };
  if (process.env.CI) throw new Error('CI must have MariaDB installed (apt-get install mariadb-server): see .ci/run');
  return { skip: 'MariaDB is not installed (apt-get install mariadb-server)' };
}

/** Starts a server; `options` are more server options (e.g. `--general-log=1`, with files in `dir`). */
export async function startMariadb(options: readonly string[] = []): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sqlalign-mariadb-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? ['--user=mysql'] : [];
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'mysql'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  const installed = spawnSync(
    INSTALL,
    ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...owner],
    { encoding: 'utf8' },
  );
  if (installed.status !== 0) throw new Error(`mariadb-install-db failed: ${installed.stderr || installed.stdout}`);
  const port = await freePort();
  const server: ChildProcess = spawn(
    SERVER,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${join(dir, 'socket')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${join(dir, 'pid')}`,
      '--lower-case-table-names=1',
      '--skip-log-bin',
      '--innodb-flush-log-at-trx-commit=0',
      `--log-error=${join(dir, 'error.log')}`,
      ...options,
      ...owner,
    ],
    { stdio: 'ignore' },
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  const url = `mysql://root@127.0.0.1:${port}`;
  await waitUntilReady(url, server);
  const admin = await mysql.createConnection({ uri: url });
  await admin.query("CREATE USER 'reader'@'%'");
  await admin.end();
  return { url, readerUrl: `mysql://reader@127.0.0.1:${port}`, dir, stop };
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`mariadbd exited with ${server.exitCode}`);
    try {
      const connection = await mysql.createConnection({ uri: url });
      await connection.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('mariadbd did not accept connections within 15 s');
}
