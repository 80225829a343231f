/**
 * AppError: a failure meant for a person. Services throw it; the dispatcher turns it into
 * `{ ok: false, error: { code, message } }`. Anything else thrown is a bug and is reported
 * as `internal`.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}
