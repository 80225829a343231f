/**
 * Capped worker entry: the script a capped worker (capped-worker.ts) runs. It loads the task
 * module, calls the named function with the input, and posts back its result or its error's
 * message; the thread then ends. (No top-level await: the desktop bundle is CommonJS.)
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Job {
  readonly module: string;
  readonly exportName: string;
  readonly input: unknown;
}

async function run(job: Job): Promise<unknown> {
  const loaded = (await import(job.module)) as Record<string, unknown>;
  const task = loaded[job.exportName];
  if (typeof task !== 'function') throw new Error(`${job.module} exports no function ${job.exportName}`);
  return (task as (input: unknown) => unknown)(job.input);
}

run(workerData as Job).then(
  (value) => parentPort?.postMessage({ ok: true, value }),
  (error: unknown) => parentPort?.postMessage({ ok: false, detail: error instanceof Error ? error.message : String(error) }),
);
