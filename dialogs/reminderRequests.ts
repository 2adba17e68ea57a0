import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { StretchReminders } from '../src/channels/stretchReminders';
import { renderReply } from '../src/channels/reply';
import { isSharedConversation } from '../src/channels/sharedConversation';
import { readReminderRequest, type ReminderRule } from '../src/nlu/reminderRequest';
import type { UserProfile } from '../src/plan/profile';
import { isTimeZone } from '../src/scheduling/reminderTimes';
import type { ConversationData } from './conversationData';
import type { Replies } from './replies';
import { send } from './send';

/**
 * "Remind me to stretch every hour between 9 and 5", "stop reminders", and the
 * time zone when the channel does not say it (asked once, then kept).
 */
export class ReminderRequests {
  constructor(
    private readonly reminders: StretchReminders,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly replies: Replies,
  ) {}

  /** True when the message was about reminders and has been answered. */
  async handle(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    const data = await this.conversationData.get(context, {});
    if (data.pendingReminders) {
      const rule = data.pendingReminders;
      delete data.pendingReminders;
      const zone = text.trim().replace(/\s+/g, '_');
      if (!isTimeZone(zone)) return this.say(context, this.replies.reminderTimeZoneUnread());
      // The zone as Intl spells it (people type "europe/london").
      await this.start(context, rule, Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone);
      return true;
    }
    const request = readReminderRequest(text);
    if (request === undefined) return false;
    if (isSharedConversation(context.activity))
      return this.say(context, this.replies.privateChat(context.activity.channelId));
    const profile = await this.profile.get(context, {});
    if (request === 'stop') {
      await this.reminders.stop(context.activity.channelId, context.activity.from.id);
      const hadSome = profile.reminders !== undefined;
      delete profile.reminders;
      return this.say(context, this.replies.remindersStopped(hadSome));
    }
    if (!this.reminders.canRemind(context)) return this.say(context, this.replies.remindersNotHere());
    const fromChannel = context.activity.localTimezone;
    const timeZone = profile.timeZone ?? (fromChannel && isTimeZone(fromChannel) ? fromChannel : undefined);
    if (!timeZone) {
      data.pendingReminders = request;
      return this.say(context, this.replies.reminderTimeZone());
    }
    await this.start(context, request, timeZone);
    return true;
  }

  private async start(context: TurnContext, rule: ReminderRule, timeZone: string): Promise<void> {
    const message = renderReply(this.replies.stretchReminder(), context.activity.channelId);
    const firstAt = await this.reminders.start(context, rule, timeZone, message);
    if (firstAt === undefined) return void (await send(context, this.replies.remindersNotHere()));
    const profile = await this.profile.get(context, {});
    profile.reminders = rule;
    profile.timeZone = timeZone;
    await send(context, this.replies.remindersSet(rule, timeZone, firstAt));
  }

  private async say(context: TurnContext, reply: Parameters<typeof send>[1]): Promise<true> {
    await send(context, reply);
    return true;
  }
}
