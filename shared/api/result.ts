/**
 * Result: what every call across the renderer/main boundary returns. A failure is a
 * value, never a thrown exception, so the renderer can always show the clerk a message.
 *
 * - `code` is a stable kebab-case key for programs and tests.
 * - `message` is written for a person, in Chinese, and says what to do next.
 * - `problems`, when one refusal has several causes (a damaged meeting file), lists each with
 *   its own code and a message that names its place; `message` then says how many and what to do.
 */
export interface ApiProblem {
  readonly code: string;
  readonly message: string;
}

export interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly problems?: readonly ApiProblem[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
