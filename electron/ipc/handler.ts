/**
 * Handler: the main-process side of one channel. It receives the parsed request and
 * returns the response (or throws an AppError). Each domain exports a slice of handlers, typed
 * `HandlerSlice<keyof typeof <domain>Channels>` so it implements exactly the channels its
 * `shared/api/*-channels.ts` declares; `handlers.ts` joins the slices into the one table both
 * shells use.
 */
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/api/contract.ts';
import type { ServiceContext } from '../app/context.ts';

export type Handler<C extends ChannelName> = (
  ctx: ServiceContext,
  request: ParsedRequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type HandlerSlice<C extends ChannelName> = { readonly [K in C]: Handler<K> };

export type HandlerTable = HandlerSlice<ChannelName>;
