/**
 * Named paths: the files of a package that its manifest names (manifest.json itself, the
 * self-check report, and every evidence path of every claim and item). The others are the
 * "files no claim names" that the experts' file list marks.
 */
import { parseEvidenceReference } from '../../shared/package/evidence-reference.ts';
import type { Manifest } from '../../shared/package/manifest.ts';

/** A file cited with a page (`a.pdf#page=3`) is named as the file. */
export function namedPaths(manifest: Manifest): Set<string> {
  const named = new Set<string>(['manifest.json', manifest.selfReport]);
  // `a.pdf#page=3` names the file `a.pdf`.
  const add = (reference: string) => named.add(parseEvidenceReference(reference).path);
  for (const claim of Object.values(manifest.claims)) {
    if (claim === undefined) continue;
    if ('evidence' in claim && Array.isArray(claim.evidence)) for (const reference of claim.evidence) add(reference);
    if ('items' in claim) for (const item of claim.items) for (const reference of item.evidence) add(reference);
  }
  return named;
}
