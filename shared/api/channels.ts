/**
 * The names of the channels between renderer and main: the keys of the contract, so a channel
 * is named once, where its domain declares it.
 *
 * The sandboxed preload checks names with `isChannelName`, so deriving them from the contract
 * bundles the request schemas (and zod) into the preload. That is accepted: the preload stays
 * one self-contained file with no logic of its own, and a second, hand-written list of names
 * would be one more place to edit for every channel.
 */
import { contract, type ChannelName } from './contract.ts';

export type { ChannelName } from './contract.ts';

export const channelNames = Object.keys(contract) as readonly ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
