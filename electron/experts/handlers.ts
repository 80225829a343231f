/**
 * The expert profile channels: list the profiles of this laptop, create one (with its key pair,
 * sealed by the passphrase and, in the desktop shell, the OS keychain), and set or clear the
 * drawn signature.
 */
import type { expertChannels } from '../../shared/api/expert-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { createExpert, listExperts, setHandSignature } from './expert-store.ts';

export const expertHandlers = {
  'expert-list': (ctx) => listExperts(ctx.db),
  'expert-create': (ctx, request) => createExpert(ctx.db, request, ctx.now(), ctx.osProtection),
  'expert-hand-signature-set': (ctx, request) => setHandSignature(ctx.db, request.expertId, request.handSignature),
} satisfies HandlerSlice<keyof typeof expertChannels>;
