/** A server runner for a URL, by its scheme; each engine's driver is loaded only when its URL is given. */
import { engineOf, redact, type ServerOptions, type ServerRunner } from './server.js';

export async function openServer(url: string, options: ServerOptions): Promise<ServerRunner> {
  const engine = engineOf(url);
  if (engine === 'postgres') return (await import('./postgres.js')).openPostgres(url, options);
  if (engine === 'mysql') return (await import('./mysql.js')).openMysql(url, options);
  throw new Error(`${redact(url)}: not a server URL (postgres://, postgresql://, mysql:// or mariadb://)`);
}
