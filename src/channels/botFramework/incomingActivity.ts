import type { Activity } from 'botbuilder';
import { z } from 'zod';

const account = z.object({ id: z.string().min(1) }).passthrough();

/**
 * What the bot needs of an activity before it can run a turn on it: botbuilder assumes these shapes and fails
 * deep inside a turn (or keys state on "undefined") when a client sends anything else.
 */
const incomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    attachments: z.array(z.object({}).passthrough()).optional(),
    entities: z.array(z.object({}).passthrough()).optional(),
    name: z.string().max(256).optional(),
  })
  .passthrough()
  .refine((activity) => activity.type !== 'invoke' || activity.name !== undefined, {
    message: 'an invoke activity needs a name',
    path: ['name'],
  });

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; problem: string };

/** The activity, or what is wrong with it in one line ("conversation.id: required"). */
export function checkIncomingActivity(body: unknown): ActivityCheck {
  const parsed = incomingActivity.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data as unknown as Activity };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
}
