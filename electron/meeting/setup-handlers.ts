/**
 * Handlers of the meeting's preparation and its meeting file.
 */
import { resolveFileSource } from '../package-store/file-source.ts';
import type { meetingSetupChannels } from '../../shared/api/meeting-setup-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { exportMeetingFile } from './export-meeting-file.ts';
import { meetingImportOutcome, startMeetingFileImport } from './import-meeting-file.ts';
import { meetingSetup, savePackages, saveRoster, saveSettings } from './meeting-setup.ts';

export const meetingSetupHandlers = {
  'meeting-setup': (ctx, request) => meetingSetup(ctx, request.meetingId),
  'meeting-settings-save': async (ctx, request) => {
    await saveSettings(ctx, request.meetingId, request.actor, request);
    return meetingSetup(ctx, request.meetingId);
  },
  'meeting-roster-save': (ctx, request) => {
    saveRoster(ctx, request.meetingId, request.actor, request.experts);
    return meetingSetup(ctx, request.meetingId);
  },
  'meeting-packages-save': (ctx, request) => {
    savePackages(ctx, request.meetingId, request.actor, request.packageIds);
    return meetingSetup(ctx, request.meetingId);
  },
  'meeting-file-export': (ctx, request) => exportMeetingFile(ctx, request.meetingId, request.folder),
  'meeting-file-import': (ctx, request) => {
    const file = resolveFileSource(ctx, request.source);
    // Who imported, in the audit log, when no operator was typed: the laptop itself.
    return { jobId: startMeetingFileImport(ctx, file, request.actor ?? '本机（导入会议包）', file.cleanup) };
  },
  'meeting-file-import-outcome': (ctx, request) => meetingImportOutcome(ctx, request.jobId),
} satisfies HandlerSlice<keyof typeof meetingSetupChannels>;
