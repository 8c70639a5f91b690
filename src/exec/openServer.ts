/** A server runner for a URL, by its scheme; each engine's driver is loaded only when its URL is given. */
import { type ServerOptions, type ServerRunner, serverEngine } from './server.js';

export async function openServer(url: string, options: ServerOptions): Promise<ServerRunner> {
  return serverEngine(url) === 'postgres'
    ? (await import('./postgres.js')).openPostgres(url, options)
    : (await import('./mysql.js')).openMysql(url, options);
}
