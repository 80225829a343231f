/**
 * Meeting file, format 1 (会议包, docs/meeting-procedure.md): what the clerk hands every expert
 * laptop and the chair before the meeting, as one `*.meeting.zip`.
 *
 * - meeting file: a zip holding `meeting.json` (the meeting description) and, under
 *   `packages/<allianceId>/`, every file of every package exactly as the clerk's store holds it.
 * - meeting description: year, rubric, settings (aggregation method, deviation threshold, award
 *   budget), the expert roster (with title, specialty, employer and the 组长 mark where given),
 *   and each package by alliance, digest and file list (path,
 *   SHA-256, size), closed by `contentSha256`.
 * - content hash (`contentSha256`): SHA-256 of the RFC 8785 (JCS) text of the description
 *   without its `contentSha256` member. Since the description lists the SHA-256 of every file and
 *   every package digest, this one hash covers the whole meeting file: a damaged or altered
 *   description fails it, a damaged or altered file fails its listed SHA-256, and an altered
 *   package fails its digest. Its first 16 hex digits in groups of four are the meeting file's
 *   fingerprint, which the clerk reads out so each laptop can confirm it holds the clerk's file
 *   (the hash alone cannot stop someone who rewrites the description and its hash together).
 * - uid: a random id given to the meeting when the clerk first prepares it, so that a later
 *   meeting file of the same meeting updates it instead of making a second one.
 *
 * Hashing needs node:crypto, so this module defines the text that is hashed and the shapes;
 * electron/meeting/ hashes, writes and reads.
 */
import { z } from 'zod';
import { canonicalJson } from '../format/canonical-json.ts';
import { singleLineText } from '../format/safe-text-schema.ts';
import { EXPERT_ID } from '../sheet/sheet-schema.ts';
import type { RosterEntry } from './roster.ts';
import { ROSTER_LIMITS, rosterProblems } from './roster.ts';

export const MEETING_FORMAT = 'alliance-review/meeting' as const;
export const MEETING_FORMAT_VERSION = 1 as const;
/** The description's name inside the zip. */
export const MEETING_JSON = 'meeting.json';
/** The OCR results' name inside the zip (meeting-ocr-format.ts), present when `ocr` is described. */
export const OCR_JSON = 'ocr.json';
/** The clerk's cross-check findings' name inside the zip (meeting-cross-check-format.ts), present when `crossCheck` is described. */
export const CROSS_CHECK_JSON = 'cross-check.json';
/** What a meeting file's name ends with. */
export const MEETING_FILE_EXTENSION = '.meeting.zip';

/** Largest `ocr.json` a meeting file may carry (about 25,000 pages of dense text). */
export const MAX_OCR_JSON_BYTES = 256 * 1024 * 1024;
/** Largest `cross-check.json` a meeting file may carry (MAX_CARRIED_FINDINGS findings of a few places each). */
export const MAX_CROSS_CHECK_JSON_BYTES = 16 * 1024 * 1024;

const ALLIANCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RUBRIC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const UID = /^[0-9a-f]{32}$/;

export interface MeetingSettings {
  readonly method: 'mean' | 'trimmed';
  /** Points; an expert's total further than this from the panel mean is flagged. */
  readonly deviationThreshold: number;
  /** The year's award budget in yuan; null when none was entered. */
  readonly budgetYuan: number | null;
}

/**
 * A roster entry as the meeting file carries it. Title (职称), specialty (专业) and employer
 * (工作单位) are left out when empty and `leader` (组长) unless true, so a roster without them
 * is written, and hashed, exactly as before these fields existed, and older files still import.
 */
export interface MeetingExpert {
  readonly id: string;
  readonly name: string;
  readonly title?: string | undefined;
  readonly specialty?: string | undefined;
  readonly employer?: string | undefined;
  readonly leader?: true | undefined;
}

/** A roster entry in the meeting file's form (empty details left out). */
export function meetingExpertOf(entry: RosterEntry): MeetingExpert {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.title === '' ? {} : { title: entry.title }),
    ...(entry.specialty === '' ? {} : { specialty: entry.specialty }),
    ...(entry.employer === '' ? {} : { employer: entry.employer }),
    ...(entry.leader ? { leader: true as const } : {}),
  };
}

/** A meeting file's roster entry as stored (absent details are ''). */
export function rosterEntryOf(expert: MeetingExpert): RosterEntry {
  return {
    id: expert.id,
    name: expert.name,
    title: expert.title ?? '',
    specialty: expert.specialty ?? '',
    employer: expert.employer ?? '',
    leader: expert.leader === true,
  };
}

export interface MeetingPackageFile {
  /** Package path: NFC, `/`-separated, relative to the package root. */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export interface MeetingPackage {
  readonly allianceId: string;
  readonly allianceName: string;
  /** The package digest (package-format.md) of exactly `files`. */
  readonly digest: string;
  readonly files: readonly MeetingPackageFile[];
}

export interface MeetingDescription {
  readonly format: typeof MEETING_FORMAT;
  readonly version: typeof MEETING_FORMAT_VERSION;
  readonly uid: string;
  readonly name: string;
  readonly year: number;
  readonly rubric: string;
  readonly settings: MeetingSettings;
  readonly experts: readonly MeetingExpert[];
  readonly packages: readonly MeetingPackage[];
  /**
   * The clerk's OCR results (`ocr.json`), so expert laptops do not read the scans again; absent
   * when the clerk's laptop had none, and in meeting files written before OCR existed. Its
   * SHA-256 is part of the description, so the content hash covers it too.
   */
  readonly ocr?: { readonly sha256: string; readonly size: number };
  /**
   * The clerk's cross-check findings (`cross-check.json`), so laptops without the earlier years'
   * packages still show them; absent when there were none, and in meeting files written before
   * they travelled. Covered by the content hash like `ocr`.
   */
  readonly crossCheck?: { readonly sha256: string; readonly size: number };
  /** When the clerk wrote the file (ISO 8601, UTC). */
  readonly exportedAt: string;
  readonly contentSha256: string;
}

/** A package path as the reader produces them; checked again before anything is unpacked. */
const packagePath = z
  .string()
  .min(1)
  .max(1000)
  .refine((path) => !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((s) => s === '' || s === '.' || s === '..'), {
    message: '不是安全的相对路径 (unsafe path)',
  })
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  .refine((path) => !/[\u0000-\u001f\u007f]/.test(path) && !/^[A-Za-z]:/.test(path), { message: '含有控制字符或盘符 (unsafe path)' });

const decimalNumber = z.number().min(0).max(1e12);

export const meetingDescriptionSchema = z.strictObject({
  format: z.literal(MEETING_FORMAT),
  version: z.literal(MEETING_FORMAT_VERSION),
  uid: z.string().regex(UID),
  name: singleLineText(z.string().trim().min(1).max(200)),
  year: z.int().min(2000).max(2100),
  rubric: z.string().regex(RUBRIC_ID),
  settings: z.strictObject({
    method: z.enum(['mean', 'trimmed']),
    deviationThreshold: decimalNumber,
    budgetYuan: decimalNumber.nullable(),
  }),
  experts: z
    .array(
      z.strictObject({
        id: z.string().regex(EXPERT_ID),
        name: singleLineText(z.string().trim().min(1).max(100)),
        title: singleLineText(z.string().trim().min(1).max(ROSTER_LIMITS.title)).optional(),
        specialty: singleLineText(z.string().trim().min(1).max(ROSTER_LIMITS.specialty)).optional(),
        employer: singleLineText(z.string().trim().min(1).max(ROSTER_LIMITS.employer)).optional(),
        leader: z.literal(true).optional(),
      }),
    )
    .min(1)
    .max(200),
  packages: z
    .array(
      z.strictObject({
        allianceId: z.string().regex(ALLIANCE_ID),
        allianceName: singleLineText(z.string().min(1).max(200)),
        digest: z.string().regex(SHA256),
        files: z
          .array(z.strictObject({ path: packagePath, sha256: z.string().regex(SHA256), size: z.int().min(0) }))
          .min(1)
          .max(20_000),
      }),
    )
    .min(1)
    .max(1000),
  ocr: z.strictObject({ sha256: z.string().regex(SHA256), size: z.int().min(0).max(MAX_OCR_JSON_BYTES) }).optional(),
  crossCheck: z.strictObject({ sha256: z.string().regex(SHA256), size: z.int().min(0).max(MAX_CROSS_CHECK_JSON_BYTES) }).optional(),
  exportedAt: z.iso.datetime({ offset: true }),
  contentSha256: z.string().regex(SHA256),
});

type Fits<Parsed, Declared> = Parsed extends Declared ? true : never;
const _descriptionFits: Fits<z.infer<typeof meetingDescriptionSchema>, MeetingDescription> = true;

/** The text whose SHA-256 is `contentSha256`: JCS of the description without that member. */
export function meetingHashText(description: Omit<MeetingDescription, 'contentSha256'> | MeetingDescription): string {
  const { contentSha256: _hash, ...hashed } = description as MeetingDescription;
  return canonicalJson(hashed);
}

/** Where a package's files sit in the zip: `packages/HFA-012/`. */
export function packageFolder(allianceId: string): string {
  return `packages/${allianceId}/`;
}

/** The zip entry name of one package file. */
export function packageEntryName(allianceId: string, path: string): string {
  return `${packageFolder(allianceId)}${path}`;
}

/**
 * Rules across fields that the schema cannot state: one package per alliance, the roster's
 * rules (roster.ts: one entry per expert id, at most one 组长), each path once per package.
 * Returns the problems in Chinese; none means fine.
 */
export function checkMeetingDescription(description: MeetingDescription): string[] {
  const problems: string[] = rosterProblems(description.experts.map(rosterEntryOf));
  const alliances = new Set<string>();
  for (const pkg of description.packages) {
    if (alliances.has(pkg.allianceId)) problems.push(`联盟 ${pkg.allianceId} 有两个材料包，会议包中每个联盟只能有一个`);
    alliances.add(pkg.allianceId);
    const paths = new Set<string>();
    for (const file of pkg.files) {
      if (paths.has(file.path)) problems.push(`联盟 ${pkg.allianceId} 的文件 ${file.path} 列出了两次`);
      paths.add(file.path);
    }
  }
  return problems;
}
