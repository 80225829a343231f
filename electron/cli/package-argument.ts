/**
 * The package argument of `validate` and `self-score`: one zip file or folder, and the options
 * each command allows. A wrong option or a missing or extra argument is a usage error (exit 2);
 * a path that does not exist is not: it is invalid input, reported as the `package-not-found`
 * problem with exit 1, like any other package that cannot be read.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './command.ts';

export interface PackageArguments {
  /** Absolute path of the package. */
  readonly path: string;
  readonly json: boolean;
  /** `--no-ocr`, for the commands that allow it. */
  readonly noOcr: boolean;
  /** `--text <path>`, for the commands that allow it; null when not given. */
  readonly text: string | null;
  /** `--page N` (with `--text`); null when not given. */
  readonly page: number | null;
}

export function parsePackageArguments(
  args: readonly string[],
  cwd: string,
  options: { json: boolean; noOcr?: boolean; text?: boolean },
): PackageArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        ...(options.json ? { json: { type: 'boolean' as const } } : {}),
        ...(options.noOcr === true ? { 'no-ocr': { type: 'boolean' as const } } : {}),
        ...(options.text === true ? { text: { type: 'string' as const }, page: { type: 'string' as const } } : {}),
      },
    });
  } catch (error) {
    throw new UsageError(`参数不对 bad option：${(error as Error).message}`);
  }
  const [path, ...extra] = parsed.positionals;
  if (path === undefined) throw new UsageError('缺少材料包路径 missing <package>（.zip 文件或文件夹）');
  if (extra.length > 0) throw new UsageError(`一次只能检查一个材料包 one package at a time（多出：${extra.join(' ')}）`);
  const values = parsed.values as { json?: boolean; 'no-ocr'?: boolean; text?: string; page?: string };
  if (values.page !== undefined && values.text === undefined) throw new UsageError('--page 只能和 --text 一起用 --page needs --text <path>');
  if (values.page !== undefined && !/^[1-9][0-9]{0,8}$/.test(values.page)) throw new UsageError(`--page 应为正整数 a page number from 1（实际是 ${values.page}）`);
  return {
    path: resolve(cwd, path),
    json: values.json === true,
    noOcr: values['no-ocr'] === true,
    text: values.text ?? null,
    page: values.page === undefined ? null : Number(values.page),
  };
}
