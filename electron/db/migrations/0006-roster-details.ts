import type { Migration } from '../migration.ts';

/**
 * The roster's details, and a profile's tie to its roster entry.
 *
 * - meeting_expert gains title (职称), specialty (专业), employer (工作单位) — '' when the clerk
 *   has not given one (older rosters and meeting files have none) — and the 组长 mark
 *   (`leader`): at most one per meeting, which a partial unique index enforces.
 * - expert (a profile on this laptop) gains title and employer, copied from the roster entry
 *   the expert chose when the profile was made ('' for profiles made by typing, as before).
 *
 * Written as version 6 in this branch because the runner refuses gaps (migration.ts); it is
 * meant to follow whatever other migrations are merged first.
 */
export const m0006RosterDetails: Migration = {
  version: 6,
  name: '0006-roster-details',
  up(db) {
    db.exec(`
      ALTER TABLE meeting_expert ADD COLUMN title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 100);
      ALTER TABLE meeting_expert ADD COLUMN specialty TEXT NOT NULL DEFAULT '' CHECK (length(specialty) <= 100);
      ALTER TABLE meeting_expert ADD COLUMN employer TEXT NOT NULL DEFAULT '' CHECK (length(employer) <= 200);
      ALTER TABLE meeting_expert ADD COLUMN leader INTEGER NOT NULL DEFAULT 0 CHECK (leader IN (0, 1));
      CREATE UNIQUE INDEX meeting_expert_one_leader ON meeting_expert (meeting_id) WHERE leader = 1;

      ALTER TABLE expert ADD COLUMN title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 100);
      ALTER TABLE expert ADD COLUMN employer TEXT NOT NULL DEFAULT '' CHECK (length(employer) <= 200);
    `);
  },
};
