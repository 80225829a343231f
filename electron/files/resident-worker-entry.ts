/**
 * Resident worker entry: the script a resident capped worker (resident-worker.ts) runs. It
 * loads the task module once, then answers each `{ id, input }` message with the named
 * function's result or its error's message, until it is ended. (No top-level await: the
 * desktop bundle is CommonJS.)
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Setup {
  readonly module: string;
  readonly exportName: string;
}

const setup = workerData as Setup;
let task: Promise<(input: unknown) => unknown> | null = null;

function loadTask(): Promise<(input: unknown) => unknown> {
  task ??= import(setup.module).then((loaded: Record<string, unknown>) => {
    const found = loaded[setup.exportName];
    if (typeof found !== 'function') throw new Error(`${setup.module} exports no function ${setup.exportName}`);
    return found as (input: unknown) => unknown;
  });
  return task;
}

parentPort?.on('message', (message: { readonly id: number; readonly input: unknown }) => {
  loadTask()
    .then((run) => run(message.input))
    .then(
      (value) => parentPort?.postMessage({ id: message.id, ok: true, value }),
      (error: unknown) => parentPort?.postMessage({ id: message.id, ok: false, detail: error instanceof Error ? error.message : String(error) }),
    );
});
