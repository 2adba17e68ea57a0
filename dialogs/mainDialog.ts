import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  supportsCardActions,
  supportsSuggestedActions,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderReply, type Reply } from '../src/channels/reply';
import { SURE_CONFIDENCE, type KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { Topic } from '../src/kb/loadKnowledge';
import { recognizeCommand } from '../src/nlu/commands';
import type { Logger } from '../src/logger';
import { Replies } from './replies';

export const MAIN_DIALOG = 'main';
const ROUTE = 'main.route';
const CLARIFY_PROMPT = 'main.clarify';

/** What the conversation remembers between turns, beside the dialog stack. */
export interface ConversationData {
  /** The last topic answered, for "tell me more". */
  lastTopicId?: string;
  /** The category of a warning sign reported in this conversation. */
  warningSign?: string;
  /** Whether the user has since said a clinician checked them. */
  clinicianChecked?: boolean;
}

/**
 * Answers each message: small talk and "tell me more" directly, questions
 * from the knowledge base. When the best topic is not a sure match it asks
 * which topic was meant; a reply that is not one of the offered topics is
 * taken as a new question.
 */
export class MainDialog extends ComponentDialog {
  private readonly replies: Replies;

  constructor(
    private readonly index: KnowledgeIndex,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly logger: Logger,
  ) {
    super(MAIN_DIALOG);
    this.replies = new Replies(index);
    // Always valid: an answer that is not one of the choices is a new question, not a mistake to re-ask.
    this.addDialog(new ChoicePrompt(CLARIFY_PROMPT, async () => true));
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.clarifiedStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    if (text.trim() === '') {
      await send(step.context, this.replies.notText());
      return step.endDialog();
    }

    switch (recognizeCommand(text)) {
      case 'greeting':
        await send(step.context, this.replies.greeting());
        return step.endDialog();
      case 'thanks':
        await send(step.context, this.replies.thanks());
        return step.endDialog();
      case 'goodbye':
        await send(step.context, this.replies.goodbye());
        return step.endDialog();
      case 'clinicianChecked': {
        const data = await this.conversationData.get(step.context, {});
        const hadWarningSign = data.warningSign !== undefined;
        data.clinicianChecked = true;
        await send(step.context, hadWarningSign ? this.replies.clinicianChecked() : this.replies.thanks());
        return step.endDialog();
      }
      case 'more': {
        const { lastTopicId } = await this.conversationData.get(step.context, {});
        await send(step.context, this.replies.more(lastTopicId ? this.index.topics.get(lastTopicId) : undefined));
        return step.endDialog();
      }
      default:
        break;
    }

    const titled = this.index.findByTitle(text);
    if (titled) return this.answer(step, titled);

    const match = this.index.match(text);
    this.logger.info({ event: 'match', topic: match.topic, confidence: match.confidence }, 'knowledge match');
    this.logger.debug({ text }, 'message text (debug only)');
    if (match.topic && match.confidence >= SURE_CONFIDENCE)
      return this.answer(step, this.index.topics.get(match.topic)!);
    if (match.topic) {
      const candidates = [match.topic, ...match.alternatives.map((alternative) => alternative.topic)].slice(0, 3);
      const reply = this.replies.unsure(candidates);
      const choices = reply.actions!;
      const channelId = step.context.activity.channelId;
      // botbuilder falls back to a numbered list when a choice is longer than 20 characters; our titles are, and
      // channels with buttons show them well, so buttons are rendered like every other reply.
      const buttons =
        supportsSuggestedActions(channelId, choices.length) || supportsCardActions(channelId, choices.length);
      return step.prompt(CLARIFY_PROMPT, {
        prompt: buttons ? renderReply(reply, channelId) : reply.text,
        choices,
        style: buttons ? ListStyle.none : ListStyle.list,
      });
    }
    await send(step.context, this.replies.noMatch());
    return step.endDialog();
  }

  private async clarifiedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice | undefined;
    const chosen = choice ? this.index.findByTitle(choice.value) : undefined;
    if (chosen) return this.answer(step, chosen);
    if (choice) {
      await send(step.context, this.replies.somethingElse());
      return step.endDialog();
    }
    // Not one of the choices: the user asked something new.
    return step.replaceDialog(ROUTE);
  }

  private async answer(step: WaterfallStepContext, topic: Topic): Promise<DialogTurnResult> {
    const data = await this.conversationData.get(step.context, {});
    // After a warning sign, stretches and self-massage wait until a clinician has checked the user.
    if (topic.selfCare && data.warningSign && !data.clinicianChecked) {
      await send(step.context, this.replies.heldForClinician());
      return step.endDialog();
    }
    data.lastTopicId = topic.id;
    await send(step.context, this.replies.topic(topic));
    return step.endDialog();
  }
}

export async function send(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity(renderReply(reply, context.activity.channelId));
}
