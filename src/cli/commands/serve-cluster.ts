/**
 * `afterview serve --hosted --workers N`: node's cluster. The primary process opens (and
 * migrates) the store, forks N HTTP workers that share one listening port, restarts a worker that
 * dies, and runs the mail background (outbox and IMAP passes) itself, so exactly one process per
 * server does the mail work. Sessions live in the database, so any worker answers any request.
 */
import cluster, { type Worker } from 'node:cluster';
import { AppError, invalid } from '../../core/errors';
import type { CliIo } from '../io';

/** Most workers one server starts: more than the cores only adds memory. */
export const MAX_WORKERS = 64;
/**
 * A worker that exits before it listened, or sooner than this after it started, counts as a
 * crash on start (on a loaded machine a worker may take longer than this just to start).
 */
const QUICK_EXIT_MS = 5_000;
/** This many crashes on start in a row and the primary gives up. */
const MAX_QUICK_CRASHES = 5;
/** How long the primary waits for its workers to finish their requests after a stop signal. */
const STOP_WAIT_MS = 15_000;

/** What a worker tells the primary. */
export type WorkerNote = { afterview: 'listening'; address: string } | { afterview: 'wake-outbox' };

/** `--workers`: undefined when absent, else an integer 1..64. */
export function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw invalid(`--workers: "${text}" is not a number of processes from 1 to ${MAX_WORKERS}.`, 'workers');
  }
  return n;
}

/** Local mode is one process on loopback: a second process would fight over the same file. */
export function refuseWorkersInLocalMode(workers: string | undefined): void {
  if (workers === undefined) return;
  throw invalid(
    '--workers: local mode runs one process for one person on this machine; several worker processes are for hosted mode (afterview serve --hosted --workers N).',
    'workers',
  );
}

/** True inside a process the primary forked. */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** From a forked worker: a note to the primary (no-op outside a cluster). */
export function tellPrimary(note: WorkerNote): void {
  if (cluster.isWorker && process.send) process.send(note);
}

const isNote = (m: unknown): m is WorkerNote =>
  typeof m === 'object' && m !== null && 'afterview' in m && typeof m.afterview === 'string';

/**
 * The primary: fork `workers` HTTP workers, report where they listen, restart the ones that die
 * (with a backoff; give up after repeated crashes on start), and on `stopped` ask every worker to
 * stop gracefully and wait for them. Resolves when every worker has exited after a stop; rejects
 * with a sentence when workers keep crashing.
 */
export async function runClusterPrimary(options: {
  io: CliIo;
  workers: number;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopped: Promise<void>;
  onListening: (address: string, pids: number[]) => void;
  onWake: () => void;
}): Promise<void> {
  const { io } = options;
  const live = new Map<number, { worker: Worker; startedAt: number }>();
  const listening = new Set<number>();
  let announced = false;
  let stopping = false;
  let quickCrashes = 0;
  let fail: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});

  const fork = () => {
    const worker = cluster.fork();
    live.set(worker.id, { worker, startedAt: Date.now() });
    worker.on('message', (m: unknown) => {
      if (!isNote(m)) return;
      if (m.afterview === 'wake-outbox') return options.onWake();
      if (m.afterview !== 'listening') return;
      listening.add(worker.id);
      if (!announced && listening.size >= options.workers) {
        announced = true;
        options.onListening(
          m.address,
          [...live.values()].map((w) => w.worker.process.pid ?? 0),
        );
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const entry = live.get(worker.id);
    const listened = listening.has(worker.id);
    live.delete(worker.id);
    listening.delete(worker.id);
    if (stopping || !entry) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const quick = !listened || Date.now() - entry.startedAt < QUICK_EXIT_MS;
    quickCrashes = quick ? quickCrashes + 1 : 0;
    if (quickCrashes >= MAX_QUICK_CRASHES) {
      fail(
        new AppError(
          'unavailable',
          `Workers keep exiting right after they start (${quickCrashes} times in a row, last with ${how}); stopping the server. The lines above say why.`,
        ),
      );
      return;
    }
    const delayMs = quick ? Math.min(30_000, 250 * 2 ** (quickCrashes - 1)) : 0;
    io.stderr(
      `afterview: worker ${worker.process.pid} exited with ${how}; starting another in ${(delayMs / 1000).toFixed(2)} s.\n`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs).unref();
  });

  for (let i = 0; i < options.workers; i += 1) fork();

  try {
    await Promise.race([options.stopped, failed]);
  } finally {
    stopping = true;
    await stopWorkers([...live.values()].map((w) => w.worker));
  }
}

/** SIGTERM to each worker (each finishes its requests), SIGKILL to any still there after 15 s. */
async function stopWorkers(workers: Worker[]): Promise<void> {
  const exits = workers.map(
    (w) =>
      new Promise<void>((resolve) => {
        if (w.isDead()) return resolve();
        w.process.once('exit', () => resolve());
      }),
  );
  for (const w of workers) if (!w.isDead()) w.process.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
  }, STOP_WAIT_MS);
  await Promise.all(exits);
  clearTimeout(timer);
}
