/**
 * JSON path: where a value sits in manifest.json, written as people read it:
 * `claims.I4.techContracts.items[2].evidence[0]` (package-format.md). Keys that are plain
 * words (criterion ids included, dots and all) are joined with `.`; other keys are quoted
 * (`claims["技术合同"]`); array indexes are in brackets. The empty path is the whole manifest.
 */
export type JsonPathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$.-]*$/;

export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
