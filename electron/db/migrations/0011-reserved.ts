import type { Migration } from '../migration.ts';

/**
 * Number 11 is another branch's migration; this empty step only keeps the runner's
 * "versions are consecutive" check true on this branch until that one is merged, and is
 * replaced by it then.
 */
export const m0011Reserved: Migration = {
  version: 11,
  name: '0011-reserved',
  up() {},
};
