/**
 * `npm start`: build, then run the desktop shell. Where the Electron binary could not be
 * installed (a machine that reaches only the npm registry: Electron's binary is downloaded
 * from elsewhere), say so and run the browser shell instead, which serves the same app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

function findElectronBinary(): string | null {
  try {
    // The electron package exports the path of its downloaded binary, and throws without one.
    return createRequire(import.meta.url)('electron') as string;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();

if (electronBinary) {
  const child = spawn(electronBinary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    '\n未找到 Electron 程序文件（它不从 npm 仓库下载，离线或受限网络下无法安装）。\n' +
      '改为启动浏览器版：用浏览器打开下面的地址即可使用同一个程序。\n' +
      'Electron binary not installed; starting the browser shell instead.\n\n',
  );
  const child = spawn(process.execPath, [resolve(root, 'electron', 'web', 'main.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
