import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CautionRules, Routine } from '../src/kb/schema';
import type { Reply } from '../src/channels/reply';
import { CautionReader } from '../src/nlu/cautions';
import { recognizeYesNoUnsure } from '../src/nlu/choiceAnswers';
import { MAX_UNDERSTOOD_CHARS } from '../src/nlu/messageLimits';
import { normaliseText } from '../src/nlu/normalise';
import type { PlanBuilder } from '../src/plan/buildPlan';
import type { UserProfile } from '../src/plan/profile';
import { walkThroughAction } from './routineReplies';
import type { ConversationData } from './conversationData';
import { send } from './send';
import { lowerFirst } from './wording';

/**
 * The health cautions a person has told the bot about (knowledge/cautions.yaml), kept in their profile (and
 * deleted with it by "forget me") and applied: the plan treats the massage cautions as applying, and a routine
 * listed for one is not started. Named at the assessment's cautions question, a caution is kept at once; said in
 * passing ("I'm 20 weeks pregnant"), it is checked with the person first ("Just to check: ...?"), since a message
 * about someone else or another time can read like one.
 */
export class StatedCautions {
  private readonly reader: CautionReader;

  constructor(
    private readonly rules: CautionRules,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly plans: PlanBuilder,
  ) {
    this.reader = new CautionReader(rules);
  }

  /** The cautions a message says apply to the writer (in as much of it as the readers after the safety screen read). */
  read(text: string): string[] {
    return this.reader.read(text.slice(0, MAX_UNDERSTOOD_CHARS));
  }

  /** Keeps the cautions (those not kept yet), says so, and the plan follows them. */
  async keep(context: TurnContext, ids: readonly string[]): Promise<void> {
    const profile = await this.profile.get(context, {});
    const known = new Set(profile.cautions);
    const added = ids.filter((id) => !known.has(id));
    if (added.length === 0) return;
    profile.cautions = [...(profile.cautions ?? []), ...added];
    if (profile.answers) {
      profile.answers = { ...profile.answers, massageCautions: 'yes' };
      if (profile.plan) profile.plan = this.plans.forProfile(profile);
    }
    await this.profile.set(context, profile);
    await send(context, { text: this.rules.noted.replace('{cautions}', this.aboutYou(added)) });
  }

  /** After the turn's answer: a caution the message seems to state, not kept yet, is checked with the person. */
  async confirmStated(context: TurnContext): Promise<void> {
    const said = this.read(context.activity.text ?? '');
    // Read before the profile is: after "forget me", nothing may be stored again for a message that says nothing.
    if (said.length === 0) return;
    const { cautions } = await this.profile.get(context, {});
    const stated = said.filter((id) => !cautions?.includes(id));
    if (stated.length === 0) return;
    (await this.conversationData.get(context, {})).pendingCautions = stated;
    await send(context, {
      text: this.rules.confirm.replace('{aboutYou}', this.aboutYou(stated)),
      actions: ['Yes', 'No'],
    });
  }

  /** The answer to "Just to check: ...?", if this message gives one: kept on a yes; true when it was answered. */
  async answerConfirmation(context: TurnContext): Promise<boolean> {
    const data = await this.conversationData.get(context, {});
    const pending = data.pendingCautions;
    if (!pending) return false;
    delete data.pendingCautions;
    const answer = recognizeYesNoUnsure(context.activity.text ?? '');
    if (answer === 'yes') await this.keep(context, pending);
    else if (answer === 'no') await send(context, { text: this.rules.notKept });
    return answer === 'yes' || answer === 'no';
  }

  /** The assessment's cautions question, each line a caution or a few. */
  questionText(): string {
    const { text, lines } = this.rules.question;
    return `${text}\n\n${lines.map((line) => `- ${line.text}`).join('\n')}`;
  }

  /** After a plain "yes" to it: which one. */
  askWhich(): Reply {
    const { which, lines, ratherNot } = this.rules.question;
    return { text: which, actions: [...lines.map((line) => line.button), ratherNot] };
  }

  /** The cautions the answer to "which one?" names: a line tapped or typed, or cautions said in words. */
  readWhich(text: string): string[] {
    const normalised = normaliseText(text);
    const line = this.rules.question.lines.find(
      (candidate) => normaliseText(candidate.button) === normalised || normaliseText(candidate.text) === normalised,
    );
    return line ? line.records : this.read(text);
  }

  /**
   * Said before an answer about a topic the listed cautions rule out: for a person who told the bot about one of
   * them, or asks about one for themselves ("is it safe if I'm pregnant?"); undefined for anyone else.
   */
  noteFor(ids: readonly string[], topicName: string, kept: readonly string[], message: string): string | undefined {
    const theirs = kept.filter((id) => ids.includes(id));
    if (theirs.length > 0)
      return this.rules.topicNotForYou.replace('{aboutYou}', this.aboutYou(theirs)).replace('{topic}', topicName);
    const askedHere = this.askedAbout(message).filter((id) => ids.includes(id));
    return askedHere.length > 0 ? this.rules.topicIfYou.replace('{aboutYou}', this.aboutYou(askedHere)) : undefined;
  }

  /** The cautions a message asks about for the writer, said to be theirs or not ("is it OK if I'm pregnant?"). */
  askedAbout(text: string): string[] {
    return this.reader.read(text.slice(0, MAX_UNDERSTOOD_CHARS), { asking: true });
  }

  /** A walkthrough stopped by a question about one of the routine's cautions. */
  stopIfYou(ids: string[], gentler: Routine | undefined): Reply {
    return {
      text: this.rules.routineIfYou.replace('{aboutYou}', this.aboutYou(ids)),
      actions: gentler ? [walkThroughAction(gentler)] : [],
    };
  }

  /** "pregnancy; a hip replacement": for what the bot knows about the person. */
  labels(ids: readonly string[]): string {
    return ids.map((id) => this.byId(id)?.label ?? id).join('; ');
  }

  /** The person's cautions that rule the routine out (none: it may be started). */
  against(routine: Routine, profile: UserProfile): string[] {
    return (profile.cautions ?? []).filter((id) => routine.cautions.includes(id));
  }

  /** Why a routine is not started, and a gentler one when that one is not ruled out as well. */
  notForYou(routine: Routine, ids: string[], gentler: Routine | undefined): Reply {
    return {
      text: this.rules.routineNotForYou
        .replace('{aboutYou}', this.aboutYou(ids))
        .replace('{routine}', lowerFirst(routine.title)),
      actions: gentler ? [walkThroughAction(gentler)] : [],
    };
  }

  private aboutYou(ids: readonly string[]): string {
    const said = ids.map((id) => this.byId(id)?.aboutYou ?? id);
    return said.length <= 1 ? said.join('') : `${said.slice(0, -1).join(', ')} and ${said.at(-1)}`;
  }

  private byId(id: string) {
    return this.rules.cautions.find((caution) => caution.id === id);
  }
}
