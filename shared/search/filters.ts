// Conversation filters that combine with a search, in the IPC contract and the backend protocol.
import { z } from 'zod';
import { CHANNELS, CONVERSATION_STATUSES } from '../domain';

/** All optional; `from` inclusive, `to` exclusive (epoch ms). */
export const searchFiltersSchema = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    status: z.enum(CONVERSATION_STATUSES).optional(),
    assigneeId: z.string().min(1).max(100).optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;
