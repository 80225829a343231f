/** The package channels: list and open imported packages, import new ones. */
import { z } from 'zod';
import { channel } from './channel.ts';
import { fileSourceSchema } from './file-source.ts';
import type { PackageDetail, PackageSummary } from './package-types.ts';
import { emptyRequest } from './request-fields.ts';

export const packageChannels = {
  'package-list': channel<readonly PackageSummary[]>()(emptyRequest),
  'package-detail': channel<PackageDetail>()(z.object({ packageId: z.number().int().positive() }).strict()),
  /** Starts importing packages (zip files or folders); poll `job-status` with the job id. */
  'package-import': channel<{ readonly jobId: string }>()(z.object({ sources: z.array(fileSourceSchema).min(1).max(1000) }).strict()),
  /** Desktop shell: the system's file picker. Browser shell: refused with `not-available`. */
  'package-pick': channel<readonly string[]>()(z.object({ folders: z.boolean() }).strict()),
  /** Imports the sample meeting's packages shipped in resources/samples. */
  'sample-packages-import': channel<{ readonly jobId: string }>()(emptyRequest),
} as const;
