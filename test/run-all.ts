/**
 * `npm test`: the type check, the lint and the renderer build side by side, then the unit and
 * integration tests, then the end-to-end tests in Chromium (which need the built renderer).
 *
 * Why side by side: each of the first three is one thread, and these machines have two cores,
 * so run one after another they left a core idle for minutes. Their output is held and printed
 * whole as each ends, so it never interleaves. The test runs print as they go.
 *
 * Each tool is started as `node <its bin script>`, not through a shell, so this runs the same on
 * Windows, macOS and Linux. Exit status: the first failing step's, after the steps running
 * beside it have ended; nothing later starts.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

interface Step {
  readonly name: string;
  /** Package and the bin script inside it, as its package.json names it. */
  readonly bin: readonly [string, string];
  readonly args: readonly string[];
}

function binPath([pkg, script]: readonly [string, string]): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), script);
}

/** Runs a step; `held`: keep its output and print it when it ends. Resolves with its exit code. */
function run(step: Step, held: boolean): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, [binPath(step.bin), ...step.args], { cwd: root, stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((done) => {
    child.on('error', (error) => {
      process.stderr.write(`${step.name}: could not start (${error.message})\n`);
      done(1);
    });
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const status = code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${String(code)}`})`;
      if (held) process.stdout.write(`\n── ${step.name} ──\n${Buffer.concat(chunks).toString('utf8')}`);
      process.stdout.write(`── ${step.name}: ${status} in ${seconds} s ──\n`);
      done(code ?? 1);
    });
  });
}

const side: Step[] = [
  { name: 'typecheck (tsc -b)', bin: ['typescript', 'bin/tsc'], args: ['-b'] },
  { name: 'lint (eslint .)', bin: ['eslint', 'bin/eslint.js'], args: ['.'] },
  { name: 'renderer build (vite)', bin: ['vite', 'bin/vite.js'], args: ['build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'] },
];
const after: Step[] = [
  { name: 'unit and integration tests (vitest)', bin: ['vitest', 'vitest.mjs'], args: ['run'] },
  { name: 'end-to-end tests in Chromium (vitest)', bin: ['vitest', 'vitest.mjs'], args: ['run', '--config', 'vitest.e2e.config.ts'] },
];

const codes = await Promise.all(side.map((step) => run(step, true)));
let failed = codes.find((code) => code !== 0) ?? 0;
for (const step of after) {
  if (failed !== 0) break;
  failed = await run(step, false);
}
process.exit(failed);
