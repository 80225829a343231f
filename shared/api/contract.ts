/**
 * The one contract between the renderer and the main process.
 *
 * A channel maps a kebab-case name to the schema of its request (checked in main, where
 * every payload is `unknown` until parsed) and the type of its response. The preload of
 * the desktop shell and the HTTP transport of the browser shell both expose exactly
 * `Api`; there is no second declaration of it.
 */
import { z } from 'zod';
import type { ChannelName } from './channels.ts';
import type { Result } from './result.ts';

/** A channel: a request schema, and the response type carried only at compile time. */
export interface Channel<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** Never set at run time: it carries the response type. */
  readonly response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): Channel<Req, Res> => ({ request });
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: 'desktop' | 'browser';
  readonly dataDir: string;
  readonly schemaVersion: number;
}

export interface Meeting {
  readonly id: number;
  readonly name: string;
  readonly year: number;
  readonly createdAt: string;
}

const empty = z.object({}).strict();

export const contract = {
  'app-info': channel<AppInfo>()(empty),
  'meeting-create': channel<Meeting>()(
    z
      .object({
        name: z.string().trim().min(1, '会议名称不能为空').max(200, '会议名称不能超过 200 个字'),
        year: z.number().int().min(2000).max(2100),
      })
      .strict(),
  ),
  'meeting-list': channel<readonly Meeting[]>()(empty),
} as const satisfies { [C in ChannelName]: Channel<z.ZodType, unknown> };

type Contract = typeof contract;

/** What the renderer sends on channel `C`. */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
/** What a handler receives on channel `C`, after parsing. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
/** What a handler returns on channel `C`. */
export type ResponseOf<C extends ChannelName> = Contract[C] extends Channel<z.ZodType, infer R> ? R : never;

/** The object the preload exposes as `window.api`, and the browser shell's transport implements. */
export interface Api {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
}
