/**
 * The contract is the spread of every domain's `shared/api/*-channels.ts`. A spread hides
 * mistakes: a name declared in two domains silently keeps the later one, and a declaration
 * file left out of the spread is never dispatched. These tests read the declaration files
 * themselves, so they catch both, and that the handler table answers exactly the contract.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/ipc/handlers.ts';
import { channelNames, isChannelName } from '../../../shared/api/channels.ts';
import { contract } from '../../../shared/api/contract.ts';

const apiDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'api');
const declarationFiles = readdirSync(apiDir)
  .filter((name) => name.endsWith('-channels.ts'))
  .sort();

/** Every exported object of every `*-channels.ts`, with the file it came from. */
async function declarations(): Promise<{ file: string; names: string[] }[]> {
  const found: { file: string; names: string[] }[] = [];
  for (const file of declarationFiles) {
    const module = (await import(pathToFileURL(resolve(apiDir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'object' && value !== null) found.push({ file, names: Object.keys(value) });
    }
  }
  return found;
}

/** Names declared more than once across the declarations, with where. */
function duplicates(found: readonly { file: string; names: readonly string[] }[]): Record<string, string[]> {
  const where = new Map<string, string[]>();
  for (const { file, names } of found) for (const name of names) where.set(name, [...(where.get(name) ?? []), file]);
  return Object.fromEntries([...where].filter(([, files]) => files.length > 1));
}

describe('the channel declarations', () => {
  it('are found: one file per domain, each declaring channels', async () => {
    expect(declarationFiles.length).toBeGreaterThanOrEqual(12);
    const found = await declarations();
    expect(found.map((d) => d.file).sort()).toEqual(declarationFiles);
    for (const { names } of found) expect(names.length).toBeGreaterThan(0);
  });

  it('name every channel once across all domains', async () => {
    expect(duplicates(await declarations())).toEqual({});
  });

  it('are all in the contract, and the contract has nothing else', async () => {
    const declared = (await declarations()).flatMap((d) => d.names);
    expect(Object.keys(contract).sort()).toEqual([...declared].sort());
  });

  it('name channels in kebab-case', () => {
    const notKebab = channelNames.filter((name) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name));
    expect(notKebab).toEqual([]);
  });
});

describe('the duplicate check itself', () => {
  it('reports a name two declarations share, which a spread would hide', () => {
    const a = { 'panel-view': 1, 'audit-log': 2 };
    const b = { 'panel-view': 3 };
    expect(Object.keys({ ...a, ...b })).toHaveLength(2);
    expect(duplicates([{ file: 'a-channels.ts', names: Object.keys(a) }, { file: 'b-channels.ts', names: Object.keys(b) }])).toEqual({
      'panel-view': ['a-channels.ts', 'b-channels.ts'],
    });
  });
});

describe('channel names', () => {
  it('are the keys of the contract, in its order', () => {
    expect(channelNames).toEqual(Object.keys(contract));
  });

  it('recognise a channel and refuse anything else', () => {
    expect(isChannelName('sheet-sign')).toBe(true);
    expect(isChannelName('drop-tables')).toBe(false);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName(42)).toBe(false);
  });
});

describe('the handler table', () => {
  it('answers exactly the channels of the contract, at run time too', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof handlers[name]).toBe('function');
  });
});
