/**
 * The one contract between the renderer and the main process: the channels every domain
 * declares in its `*-channels.ts`, joined. A channel maps a kebab-case name to the schema of
 * its request (checked in main, where every payload is `unknown` until parsed) and the type of
 * its response. The preload of the desktop shell and the HTTP transport of the browser shell
 * both expose exactly `Api`; there is no second declaration of it.
 *
 * A name declared twice would be silently overridden by the later spread, and a declaration
 * left out of the spread would never be dispatched: test/shared/api/contract.test.ts counts
 * the names across every `*-channels.ts` against the contract's.
 */
import type { z } from 'zod';
import { appChannels } from './app-channels.ts';
import { backupChannels } from './backup-channels.ts';
import { chairChannels } from './chair-channels.ts';
import type { Channel } from './channel.ts';
import { evidenceChannels } from './evidence-channels.ts';
import { expertChannels } from './expert-channels.ts';
import { integrityChannels } from './integrity-channels.ts';
import { jobChannels } from './job-channels.ts';
import { meetingChannels } from './meeting-channels.ts';
import { meetingSetupChannels } from './meeting-setup-channels.ts';
import { ocrChannels } from './ocr-channels.ts';
import { packageChannels } from './package-channels.ts';
import { panelRecordChannels } from './panel-record-channels.ts';
import type { Result } from './result.ts';
import { resultDocumentChannels } from './result-document-channels.ts';
import { reviewChannels } from './review-channels.ts';
import { sheetChannels } from './sheet-channels.ts';

export type { Channel } from './channel.ts';

export const contract = {
  ...appChannels,
  ...meetingChannels,
  ...packageChannels,
  ...jobChannels,
  ...backupChannels,
  ...expertChannels,
  ...reviewChannels,
  ...evidenceChannels,
  ...sheetChannels,
  ...meetingSetupChannels,
  ...chairChannels,
  ...resultDocumentChannels,
  ...ocrChannels,
  ...integrityChannels,
  ...panelRecordChannels,
} as const satisfies Record<string, Channel<z.ZodType, unknown>>;

type Contract = typeof contract;

/** The name of a channel: a key of the contract. */
export type ChannelName = keyof Contract;

/** What the renderer sends on channel `C`. */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
/** What a handler receives on channel `C`, after parsing. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
/** What a handler returns on channel `C`. */
export type ResponseOf<C extends ChannelName> = Contract[C] extends Channel<z.ZodType, infer R> ? R : never;

/** The object the preload exposes as `window.api`, and the browser shell's transport implements. */
export interface Api {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /**
   * Desktop shell only: the local path of a file the user dropped or picked in the page
   * (Electron's webUtils.getPathForFile). Absent in the browser shell, which uploads the
   * file instead. Typed `unknown` because shared/ has no DOM types.
   */
  readonly pathForFile?: (file: unknown) => string;
}
