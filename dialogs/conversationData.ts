import type { ReminderRule } from '../src/nlu/reminderRequest';
/** What the conversation remembers between turns, beside the dialog stack. */
export interface ConversationData {
  /** The last topic answered, for "tell me more". */
  lastTopicId?: string;
  /** The heading of the part of it answered first ("Who should take care"): "tell me more" gives the rest. */
  lastSection?: string;
  /** The runner-up topics when the last one was matched, for "not that one". */
  lastAlternatives?: string[];
  /** The last reply asked "Anything else?": a yes or no now answers it. */
  askedAnythingElse?: boolean;
  /** How many messages in this conversation matched nothing, so the fallback changes its words. */
  misses?: number;
  /** A warning-sign category whose clarifying question ("Just to check, ...?") awaits a yes or no. */
  pendingCheck?: string;
  /** Health cautions a message seemed to state (ids): asked "is that right?" before they are kept. */
  pendingCautions?: string[];
  /** The message a crisis question was asked about, before anything else: answered once the person says no. */
  deferredMessage?: string;
  /** The category of the urgent advice just given, for the short replies that follow it ("ok", "what now?"). */
  afterUrgent?: string;
  /** The person said the warning sign was a misunderstanding: lifting the hold awaits their yes. */
  pendingClear?: boolean;
  /** The plan was shown in this conversation: a number said now opens that line of it. */
  planShown?: boolean;
  /** Reminders asked for, waiting for the person's time zone. */
  pendingReminders?: ReminderRule;
}
