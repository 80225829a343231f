/**
 * E2E step: a meeting prepared through the handlers (as the console would call them) on the
 * app's own data folder, faster than through the UI, for tests whose subject comes after it.
 * The server is stopped first (one program per data folder) and started again after, so the
 * page sees what was stored.
 */
import type { ServiceContext } from '../../electron/app/context.ts';
import { testContext } from '../helpers/context.ts';
import type { AppFixture } from './app-fixture.ts';

export async function prepareThroughHandlers<T>(app: AppFixture, prepare: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  await app.server.stop();
  const ctx = testContext(app.dataDir, new Date());
  let prepared: T;
  try {
    prepared = await prepare(ctx);
  } finally {
    ctx.close();
  }
  await app.restartServer();
  return prepared;
}
