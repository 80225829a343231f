/**
 * Exhaustiveness: the last branch of every switch over a union (criterion kinds, decisions,
 * panel flags). A new member of the union then fails to compile until every switch handles it.
 */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
