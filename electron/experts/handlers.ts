/**
 * The expert profile channels: list the profiles of this laptop, create one (with its key pair,
 * sealed by the passphrase and, in the desktop shell, the OS keychain) from a roster entry
 * where this laptop has a roster (roster-binding.ts), or typed where it has none, and set or
 * clear the drawn signature.
 */
import type { expertChannels } from '../../shared/api/expert-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { AppError } from '../errors/app-error.ts';
import { createExpert, listExperts, setHandSignature } from './expert-store.ts';
import { chosenRosterEntry, laptopHasRoster, rosterChoices } from './roster-binding.ts';

export const expertHandlers = {
  'expert-list': (ctx) => listExperts(ctx.db),
  'expert-roster-choices': (ctx) => rosterChoices(ctx.db),
  'expert-create': (ctx, request) => {
    if ('meetingId' in request) {
      const entry = chosenRosterEntry(ctx.db, request.meetingId, request.rosterId);
      const input = { rosterId: entry.id, name: entry.name, title: entry.title, employer: entry.employer, passphrase: request.passphrase };
      return createExpert(ctx.db, input, ctx.now(), ctx.osProtection);
    }
    if (laptopHasRoster(ctx.db)) {
      throw new AppError('expert-roster-required', '本机已有会议的专家名册：请在“新建专家档案”中从名册里选择您自己的条目，编号和姓名不需要输入。');
    }
    return createExpert(ctx.db, request, ctx.now(), ctx.osProtection);
  },
  'expert-hand-signature-set': (ctx, request) => setHandSignature(ctx.db, request.expertId, request.handSignature),
} satisfies HandlerSlice<keyof typeof expertChannels>;
