/**
 * File source: a file or folder handed to main, either as a local path (the desktop shell's
 * picked or dropped files, or a folder typed by the clerk) or as an upload the browser shell
 * stored under `<data>/incoming/<id>` first. Every channel that takes files takes this one
 * shape, so main resolves them in one place (electron/chair/file-source.ts).
 */
import { z } from 'zod';

export const fileSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      uploadId: z.string().regex(/^[0-9a-f]{32}$/),
      name: z.string().min(1).max(255),
    })
    .strict(),
]);

export type FileSource = z.output<typeof fileSourceSchema>;
