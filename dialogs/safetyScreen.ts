import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { RedFlagDetector, RedFlagRules } from '../src/nlu/redFlags';
import { send, type ConversationData } from './mainDialog';

/**
 * The first step of every turn: a message that reports a warning sign is
 * answered with calm, specific urgent advice instead of anything else, and
 * the event is recorded for the clinic without the user's words.
 */
export class SafetyScreen {
  private readonly messages: Map<string, string>;

  constructor(
    private readonly detector: RedFlagDetector,
    rules: RedFlagRules,
    advice: Config['urgentAdvice'],
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly logger: Logger,
  ) {
    this.messages = new Map(
      rules.categories.map((category) => [
        category.id,
        category.message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
          name in advice ? advice[name as keyof typeof advice] : placeholder,
        ),
      ]),
    );
  }

  /** True when the message reported a warning sign and has been answered. */
  async screen(context: TurnContext): Promise<boolean> {
    const { urgent, category, level } = this.detector.triage(context.activity.text ?? '');
    if (!urgent || !category) return false;
    const data = await this.conversationData.get(context, {});
    data.warningSign = category;
    data.clinicianChecked = false;
    // For the clinic: what and when, never what the user wrote.
    this.logger.warn(
      { event: 'red_flag', category, level, channel: context.activity.channelId, at: new Date().toISOString() },
      'warning sign reported',
    );
    await send(context, { text: this.messages.get(category)! });
    return true;
  }
}
