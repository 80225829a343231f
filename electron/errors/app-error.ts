/**
 * AppError: a failure meant for a person. Services throw it; the dispatcher turns it into
 * `{ ok: false, error: { code, message } }`. Anything else thrown is a bug and is reported
 * as `internal`.
 */
import type { ApiError, ApiProblem } from '../../shared/api/result.ts';
export class AppError extends Error {
  readonly code: string;
  /** Each cause of a refusal with several (ApiError's `problems`); empty for one cause. */
  readonly problems: readonly ApiProblem[];

  constructor(code: string, message: string, problems: readonly ApiProblem[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
  }

  /** The error as it crosses to the renderer: problems only when there are some. */
  toApiError(): ApiError {
    return this.problems.length > 0 ? { code: this.code, message: this.message, problems: this.problems } : { code: this.code, message: this.message };
  }
}

/**
 * The person-facing form of a failure of the machine rather than of the input: a full disk
 * or a read-only or forbidden folder. Returns null for anything else (a bug: `internal`).
 */
export function systemAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new AppError(
        'disk-full',
        '磁盘空间不足，操作未完成，已保存的数据没有受影响。请清理磁盘（或换一个有足够空间的数据目录）后重试。',
      );
    case 'EROFS':
      return new AppError('read-only', '数据目录所在的磁盘是只读的，无法保存。请把数据目录设在可写的磁盘上。');
    case 'EACCES':
    case 'EPERM':
      return new AppError('permission-denied', '没有权限读写这个文件或文件夹。请检查文件权限，或换一个位置后重试。');
    default:
      return null;
  }
}
