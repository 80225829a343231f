import type { appChannels } from '../../shared/api/app-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { schemaVersion } from '../db/migration.ts';

export const appHandlers = {
  'app-info': (ctx) => ({
    name: '联盟考核评审',
    version: ctx.version,
    shell: ctx.shell,
    dataDir: ctx.dataDir,
    schemaVersion: schemaVersion(ctx.db),
    startupNotice: ctx.startupNotice,
  }),
} satisfies HandlerSlice<keyof typeof appChannels>;
