import type { ChannelName } from '../../shared/api/channels.ts';
import type { RequestOf, ResponseOf } from '../../shared/api/contract.ts';
import type { ServiceContext } from '../../electron/app/context.ts';
import { dispatch } from '../../electron/ipc/handlers.ts';

/** A call through the real handler table, typed by the contract; a refusal throws with its code. */
export async function call<C extends ChannelName>(ctx: ServiceContext, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await dispatch(ctx, channel, request);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}
