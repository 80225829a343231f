import type { Migration } from '../migration.ts';

/**
 * The roster's details, a profile's tie to its roster entry, and the expert's sign-in.
 *
 * - meeting_expert gains title (职称), specialty (专业), employer (工作单位) — '' when the clerk
 *   has not given one (older rosters and meeting files have none) — and the 组长 mark
 *   (`leader`): at most one per meeting, which a partial unique index enforces.
 * - expert (a profile on this laptop) gains title and employer, copied from the roster entry
 *   the expert chose when the profile was made ('' for profiles made by typing, as before).
 * - expert_sign_in: an expert's sign-in (签到) for a year: the sign-in (`record_json`: time,
 *   pledge text and signing time, recusals — the `signIn` of a format-2 sheet), the Ed25519
 *   signature over its signing text (shared/sheet/sign-in.ts `signInSigningText`, which adds
 *   the year and the expert) and the public key that made it. One per expert and year; it is never changed once stored.
 */
export const m0009RosterAndSignIn: Migration = {
  version: 9,
  name: '0009-roster-and-sign-in',
  up(db) {
    db.exec(`
      ALTER TABLE meeting_expert ADD COLUMN title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 100);
      ALTER TABLE meeting_expert ADD COLUMN specialty TEXT NOT NULL DEFAULT '' CHECK (length(specialty) <= 100);
      ALTER TABLE meeting_expert ADD COLUMN employer TEXT NOT NULL DEFAULT '' CHECK (length(employer) <= 200);
      ALTER TABLE meeting_expert ADD COLUMN leader INTEGER NOT NULL DEFAULT 0 CHECK (leader IN (0, 1));
      CREATE UNIQUE INDEX meeting_expert_one_leader ON meeting_expert (meeting_id) WHERE leader = 1;

      ALTER TABLE expert ADD COLUMN title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 100);
      ALTER TABLE expert ADD COLUMN employer TEXT NOT NULL DEFAULT '' CHECK (length(employer) <= 200);

      CREATE TABLE expert_sign_in (
        expert_id INTEGER NOT NULL REFERENCES expert (id),
        year INTEGER NOT NULL,
        at TEXT NOT NULL,
        record_json TEXT NOT NULL CHECK (json_valid(record_json)),
        signature TEXT NOT NULL,
        public_key TEXT NOT NULL,
        PRIMARY KEY (expert_id, year)
      ) STRICT;
    `);
  },
};
