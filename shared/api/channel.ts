/**
 * Channel: one call from the renderer to main, declared once in its domain's `*-channels.ts`:
 * the schema of its request (main parses every payload, `unknown` until then, with it) and
 * the type of its response. contract.ts joins the declarations.
 */
import type { ZodType } from 'zod';

/** A channel: a request schema, and the response type carried only at compile time. */
export interface Channel<Req extends ZodType, Res> {
  readonly request: Req;
  /** Never set at run time: it carries the response type. */
  readonly response?: Res;
}

/** `channel<Response>()(requestSchema)`: curried so the request type is inferred from the schema. */
export function channel<Res>() {
  return <Req extends ZodType>(request: Req): Channel<Req, Res> => ({ request });
}
