import { createContext, type ServiceContext } from '../../electron/app/context.ts';

/** A real service context on a real SQLite file in `dataDir`, with a fixed clock. */
export function testContext(dataDir: string, now = new Date('2027-01-20T01:30:00Z')): ServiceContext {
  return createContext({ dataDir, shell: 'browser', version: '0.0.0-test', now: () => now });
}
