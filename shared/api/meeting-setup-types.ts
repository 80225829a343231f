/**
 * What the meeting's preparation screen receives from main: the response types of the
 * meeting-setup channels (meeting-setup-channels.ts declares the channels).
 *
 * - setup: what the clerk prepares: settings, roster, the package of each alliance.
 * - meeting file: the `.meeting.zip` that carries a prepared meeting to the other laptops.
 */
import type { RosterEntry } from '../meeting/roster.ts';
import type { PackageImportReport, PackageSummary } from './package-types.ts';

export interface MeetingSettingsView {
  readonly method: 'mean' | 'trimmed';
  /** Decimal text as entered (`10`). */
  readonly deviationThreshold: string;
  readonly budgetYuan: string | null;
}

export interface MeetingPackageView {
  readonly allianceId: string;
  readonly allianceName: string;
  readonly digest: string;
  /** Null when the package is not (yet) in this laptop's store. */
  readonly packageId: number | null;
  readonly version: number | null;
}

export interface MeetingFileRecord {
  readonly direction: 'export' | 'import';
  readonly fingerprint: string;
  readonly fileName: string;
  readonly at: string;
}

export interface MeetingSetup {
  readonly meeting: { readonly id: number; readonly name: string; readonly year: number };
  /** False until the clerk first saves settings, roster or packages. */
  readonly prepared: boolean;
  readonly rubricId: string;
  readonly rubricIds: readonly string[];
  readonly settings: MeetingSettingsView;
  /**
   * 畸高畸低: a subjective score further than this percentage of the criterion's cap from the
   * others' mean (`30`). Apart from `settings`, which the meeting file carries: only the chair's
   * console uses it.
   */
  readonly outlierPercent: string;
  /** The roster (专家名册), by id. */
  readonly experts: readonly RosterEntry[];
  readonly packages: readonly MeetingPackageView[];
  /** The store's packages of the meeting's year, to choose from. */
  readonly candidates: readonly PackageSummary[];
  readonly locked: boolean;
  readonly files: readonly MeetingFileRecord[];
}

export interface MeetingFileExport {
  readonly path: string;
  readonly fingerprint: string;
  readonly contentSha256: string;
  readonly bytes: number;
}

export interface MeetingFileImportOutcome {
  readonly meetingId: number;
  readonly name: string;
  readonly year: number;
  readonly fingerprint: string;
  readonly outcome: 'created' | 'updated' | 'unchanged';
  readonly packages: readonly PackageImportReport[];
}
