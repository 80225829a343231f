#!/usr/bin/env node
// Launcher of `alliance-review`. Node 24 runs the TypeScript sources directly (type
// stripping), so `npx alliance-review` works right after `npm install`, with no build step.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`alliance-review 需要 Node.js 24 或更新版本（当前 ${process.version}）。requires Node.js >= 24\n`);
  process.exit(2);
}
const { runFromProcess } = await import('./main.ts');
await runFromProcess();
