/**
 * A real PostgreSQL server for the tests: a fresh cluster in a temporary folder (initdb, then
 * pg_ctl on a free port, no fsync), stopped and removed when the process ends, so no daemon is
 * left running. Debian's `postgresql` package provides the binaries (`.ci/run` installs it); as
 * root, the server runs as the package's `postgres` user, since PostgreSQL refuses root.
 * Outside CI the tests that need it are skipped when the binaries are absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './port.js';

export interface TestServer {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  /** The same database as a role that may only read (what the README recommends). */
  readonly readerUrl: string;
  /** The server's temporary folder (its logs go to `logs/` there when asked for). */
  readonly dir: string;
  stop(): void;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export function postgresOrSkip(): { skip: string | false } {
  if (binDir()) return { skip: false };
  if (process.env.CI) throw new Error('CI must have PostgreSQL installed (apt-get install postgresql): see .ci/run');
  return { skip: 'PostgreSQL is not installed (apt-get install postgresql)' };
}

/** Starts a server; `settings` are more `-c name=value` settings (e.g. what to log, into `dir/logs`). */
export async function startPostgres(settings: readonly string[] = []): Promise<TestServer> {
  const bin = binDir();
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'sqlalign-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL will not run as root: as root, the cluster belongs to the package's postgres user.
  const user = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : null;
  if (user !== null) chownSync(dir, user, Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const result = spawnSync(cmd as string, argv as string[], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'sqlalign', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    [`-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c full_page_writes=off`, ...settings.map((s) => `-c ${s}`)].join(' '),
    '-w',
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on('exit', stop);
  return {
    url: `postgres://sqlalign@127.0.0.1:${port}/postgres`,
    readerUrl: `postgres://reader@127.0.0.1:${port}/postgres`,
    dir,
    stop,
  };
}
