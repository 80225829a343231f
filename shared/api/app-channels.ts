/** The app channel: what the home screen shows of the program and its data folder. */
import type { AppInfo } from './app-types.ts';
import { channel } from './channel.ts';
import { emptyRequest } from './request-fields.ts';

export const appChannels = {
  'app-info': channel<AppInfo>()(emptyRequest),
} as const;
