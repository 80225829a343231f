/**
 * Safe text in a schema: a string field that refuses what text-safety.ts refuses (a lone
 * surrogate; a control, bidi or zero-width character; line breaks unless the field is
 * multi-line text). The refusal is a zod issue carrying `params.unsafeText`, which each
 * format's problem mapping turns into its own code and words (`unsafeTextIssue`).
 */
import type { z } from 'zod';
import { findUnsafeCharacter, type FoundCharacter, type TextRules } from './text-safety.ts';

/** Names, ids and titles: one line. */
export function singleLineText<T extends z.ZodString>(schema: T): T {
  return schema.refine((text) => findUnsafeCharacter(text) === null, {
    message: '不能有换行、控制字符、改变文字方向的字符或零宽字符',
    params: { unsafeText: 'single' },
  });
}

/** Comments, reasons and notes: line breaks and tabs allowed. */
export function multiLineText<T extends z.ZodString>(schema: T): T {
  return schema.refine((text) => findUnsafeCharacter(text, { multiLine: true }) === null, {
    message: '只能有普通文字、换行和制表符，不能有其他控制字符、改变文字方向的字符或零宽字符',
    params: { unsafeText: 'multi' },
  });
}

export interface UnsafeTextIssue {
  readonly found: FoundCharacter;
  /** A lone surrogate (the text is not well-formed) rather than a control character. */
  readonly illFormed: boolean;
  readonly multiLine: boolean;
}

/** For an issue of one of the schemas above and the value it is about: what was refused. */
export function unsafeTextIssue(issue: z.core.$ZodIssue, value: unknown): UnsafeTextIssue | null {
  if (issue.code !== 'custom' || typeof value !== 'string') return null;
  const kind = (issue.params as { unsafeText?: unknown } | undefined)?.unsafeText;
  if (kind !== 'single' && kind !== 'multi') return null;
  const rules: TextRules = { multiLine: kind === 'multi' };
  const found = findUnsafeCharacter(value, rules);
  if (found === null) return null;
  return { found, illFormed: found.codePoint >= 0xd800 && found.codePoint <= 0xdfff, multiLine: rules.multiLine === true };
}
