/**
 * Start listening, or say in a sentence why not: the port taken, or a host that is not this
 * machine's. Shared by `serve` and `serve --hosted`; the app is closed before the error leaves.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, invalid } from '../../core/errors';

export async function listenOrExplain(
  app: FastifyInstance,
  port: number,
  host: string,
  /** What to say when the port is taken (local mode suspects Afterview is running already). */
  portInUse: string,
): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new AppError('unavailable', portInUse);
    if (code === 'EADDRNOTAVAIL') throw invalid(`--host: ${host} is not an address of this machine.`, 'host');
    throw err;
  }
}
