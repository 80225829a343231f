/**
 * Test helper: experts with real Ed25519 keys, and the signed sheets they hand in.
 *
 * - test expert: an expert id and name with a fresh key pair and its fingerprint.
 * - review spec: one review of a sheet; `decisions` default to accepting every claim of the
 *   package (the self-score's decisions, judged criteria at the alliance's own value or 0).
 *
 * The chair console and end-to-end tests reuse these, so they sign exactly as the app does
 * (`signSheet`) and write exactly as the app does (`writeSheetFile`).
 */
import { join } from 'node:path';
import type { ExpertKeyPair } from '../../electron/experts/expert-key.ts';
import { generateExpertKeyPair, publicKeyBase64 } from '../../electron/experts/expert-key.ts';
import { fingerprintOfKey } from '../../electron/experts/key-fingerprint.ts';
import { signSheet } from '../../electron/sheets/sign-sheet.ts';
import { writeSheetFile } from '../../electron/sheets/write-sheet-file.ts';
import { selfDecisions } from '../../shared/rubric/self-score.ts';
import type { Claims, Decisions, Overrides, Rubric } from '../../shared/rubric/types.ts';
import type { Sheet, SheetReview, SheetSignIn, UnsignedSheet } from '../../shared/sheet/sheet-schema.ts';
import { SHEET_FORMAT, SHEET_FORMAT_VERSION, SHEET_FORMAT_VERSION_2 } from '../../shared/sheet/sheet-schema.ts';

export interface TestExpert {
  readonly id: string;
  readonly name: string;
  readonly keys: ExpertKeyPair;
  /** `3f9a 0c11 7be2 d405` */
  readonly fingerprint: string;
  /** Standard base64 of the raw public key, as in `signature.publicKey`. */
  readonly publicKey: string;
}

export function makeExpert(id = 'E01', name = '王明', keys: ExpertKeyPair = generateExpertKeyPair()): TestExpert {
  return { id, name, keys, fingerprint: fingerprintOfKey(keys.publicKey), publicKey: publicKeyBase64(keys.publicKey) };
}

/** What a test says about one review; the package it reviews gives the id and digest. */
export interface ReviewSpec {
  readonly package: { readonly allianceId: string; readonly digest: string; readonly claims: Claims };
  readonly recused?: boolean;
  /** Default: accept everything the package claims. */
  readonly decisions?: Decisions;
  readonly overrides?: Overrides;
  readonly comment?: string;
}

export interface SheetOptions {
  readonly year?: number;
  readonly rubric?: string;
  readonly signedAt?: string;
  readonly handSignature?: string;
  /** Given: a sheet of format 2 carrying this sign-in (and `dissent`, if given). */
  readonly signIn?: SheetSignIn;
  readonly dissent?: string;
}

/** Decisions accepting every claim of a package: the alliance's self-score, as an expert's review. */
export function acceptEverything(rubric: Rubric, claims: Claims): Decisions {
  return selfDecisions(rubric, claims);
}

export function reviewOfSpec(rubric: Rubric, spec: ReviewSpec): SheetReview {
  const base = { allianceId: spec.package.allianceId, packageDigest: spec.package.digest };
  if (spec.recused === true) {
    return { ...base, recused: true, decisions: {}, comment: spec.comment ?? '本人任职于该联盟牵头单位，申请回避' };
  }
  const review: SheetReview = {
    ...base,
    recused: false,
    decisions: { ...(spec.decisions ?? acceptEverything(rubric, spec.package.claims)) },
  };
  return {
    ...review,
    ...(spec.overrides === undefined ? {} : { overrides: spec.overrides }),
    ...(spec.comment === undefined ? {} : { comment: spec.comment }),
  };
}

export function unsignedSheet(
  rubric: Rubric,
  expert: TestExpert,
  reviews: readonly ReviewSpec[],
  options: SheetOptions = {},
): UnsignedSheet {
  return {
    format: SHEET_FORMAT,
    version: options.signIn === undefined ? SHEET_FORMAT_VERSION : SHEET_FORMAT_VERSION_2,
    year: options.year ?? 2026,
    rubric: options.rubric ?? rubric.id,
    expert: {
      id: expert.id,
      name: expert.name,
      ...(options.handSignature === undefined ? {} : { handSignature: options.handSignature }),
    },
    signedAt: options.signedAt ?? '2027-01-20T09:30:00+08:00',
    reviews: reviews.map((spec) => reviewOfSpec(rubric, spec)),
    ...(options.signIn === undefined ? {} : { signIn: options.signIn }),
    ...(options.dissent === undefined ? {} : { dissent: options.dissent }),
  };
}

/** A sheet signed with the expert's key, exactly as the app signs one. */
export function makeSignedSheet(
  rubric: Rubric,
  expert: TestExpert,
  reviews: readonly ReviewSpec[],
  options: SheetOptions = {},
): Sheet {
  return signSheet(unsignedSheet(rubric, expert, reviews, options), expert.keys.privateKey);
}

/** Signs and writes `<dir>/<name>` (default `<expert id>.sheet.json`); returns the path. */
export async function writeSignedSheet(
  dir: string,
  rubric: Rubric,
  expert: TestExpert,
  reviews: readonly ReviewSpec[],
  options: SheetOptions & { readonly fileName?: string } = {},
): Promise<string> {
  const path = join(dir, options.fileName ?? `${expert.id}.sheet.json`);
  await writeSheetFile(path, makeSignedSheet(rubric, expert, reviews, options));
  return path;
}
