/**
 * Terminal text: what a command prints from files (names, ids, paths, problem messages) with
 * every control, bidi and zero-width character and every lone surrogate written as `\u{…}`
 * (shared/format/text-safety.ts), so no value can end a line, move the cursor, erase a line or
 * reverse the text: the lines a command prints are exactly the lines it meant (docs/cli.md).
 *
 * - `shown(value)`: one value, escaped.
 * - `` term`专家 expert：${id} ${name}` ``: a line whose literal parts are the program's and
 *   whose every `${…}` is escaped; the literal parts may hold `\n`.
 */
import { escapeForTerminal } from '../../shared/format/text-safety.ts';

export function shown(value: unknown): string {
  return escapeForTerminal(String(value));
}

export function term(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += shown(value) + (strings[i + 1] ?? '');
  });
  return out;
}

/** A message on one line: line breaks read as a space (as before), anything else escaped. */
export function oneLine(text: string): string {
  return escapeForTerminal(text.replace(/[\r\n]+/g, ' '));
}
