import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { RedFlagDetector, RedFlagRules } from '../src/nlu/redFlags';
import type { ConversationData } from './conversationData';
import { send } from './send';

const CHECKLIST_MESSAGE =
  'Thank you for telling me. Some of these signs need a doctor today, and some need emergency care.\n\n' +
  '- **Call {emergency} now** if you have numbness around your genitals or buttocks, problems peeing or ' +
  'controlling your bladder or bowels, new weakness or numbness in both legs, or pain after a serious fall or accident.\n' +
  '- Otherwise, for a high temperature or feeling very unwell, a recent injury, cancer now or in the past, or weight ' +
  'loss without trying: please {urgentCare}.';

/**
 * The first step of every turn: a message that reports a warning sign is
 * answered with calm, specific urgent advice instead of anything else, and
 * the event is recorded for the clinic without the user's words.
 */
export class SafetyScreen {
  private readonly messages: Map<string, string>;
  private readonly checklistMessage: string;

  constructor(
    private readonly detector: RedFlagDetector,
    rules: RedFlagRules,
    advice: Config['urgentAdvice'],
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly logger: Logger,
  ) {
    const fill = (message: string) =>
      message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
        name in advice ? advice[name as keyof typeof advice] : placeholder,
      );
    this.messages = new Map(rules.categories.map((category) => [category.id, fill(category.message)]));
    this.checklistMessage = fill(CHECKLIST_MESSAGE);
  }

  /**
   * A "yes" to the assessment's warning-sign checklist: we do not know which sign, so the advice covers
   * the emergency ones and the same-day ones.
   */
  async reportChecklist(context: TurnContext): Promise<void> {
    await this.record(context, 'checklist', 'emergency');
    await send(context, { text: this.checklistMessage });
  }

  /** True when the message reported a warning sign and has been answered. */
  async screen(context: TurnContext): Promise<boolean> {
    const { urgent, category, level } = this.detector.triage(context.activity.text ?? '');
    if (!urgent || !category || !level) return false;
    await this.record(context, category, level);
    await send(context, { text: this.messages.get(category)! });
    return true;
  }

  private async record(context: TurnContext, category: string, level: string): Promise<void> {
    const data = await this.conversationData.get(context, {});
    data.warningSign = category;
    data.clinicianChecked = false;
    // For the clinic: what and when, never what the user wrote.
    this.logger.warn(
      // "urgency", not "level": pino's own level key is on the same line.
      {
        event: 'red_flag',
        category,
        urgency: level,
        channel: context.activity.channelId,
        at: new Date().toISOString(),
      },
      'warning sign reported',
    );
  }
}
