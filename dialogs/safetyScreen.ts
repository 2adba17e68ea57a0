import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Reply } from '../src/channels/reply';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import { recognizeYesNoUnsure } from '../src/nlu/choiceAnswers';
import { FollowUpReader } from '../src/nlu/followUps';
import type { LanguageCheck } from '../src/nlu/languageCheck';
import { normaliseText, tokenise } from '../src/nlu/normalise';
import type { RedFlagRules, UrgencyLevel } from '../src/nlu/redFlags';
import type { Triage } from '../src/nlu/triage';
import type { UserProfile } from '../src/plan/profile';
import type { ConversationData } from './conversationData';
import { afterTheNo, CHECKLIST_CHOICES } from './assessmentQuestions';
import { send } from './send';
import { userDate } from './userClock';
import type { Utterance } from '../src/nlu/utterance';

/**
 * What the screen did with a message: gave urgent advice (which replaces whatever was running), answered it
 * otherwise (the turn is over, the dialog waits), heard "no" to its check, let it pass with a check question to
 * ask once the turn has answered it ("checkAfter"), or let it pass (after a "no" to a crisis question, the message
 * that was asked about is passed on in its place).
 */
export type Screened = 'urgent' | 'answered' | 'carryOn' | 'checkAfter' | 'clear';

/** Replies to urgent advice longer than this are new messages, not "ok" or "what now?". */
const MAX_FOLLOW_UP_WORDS = 15;
const YES = 'Yes';
const NO = 'No';
const CONFIRM_CLEAR = "Yes, that's right";
const KEEP_HOLD = 'No, I do have it';

const checkQuestion = (check: string): Reply => ({ text: check, actions: [YES, NO] });

/**
 * The first step of every turn. A message that reports a warning sign is
 * answered with calm, specific urgent advice instead of anything else; one
 * that only might is asked one short yes/no question first. The warning sign
 * puts a hold on self-care advice that belongs to the person (user state),
 * until they say a clinician has checked them or that it was a
 * misunderstanding. Short replies to the advice get the one thing to do
 * again. A message in another language gets, in English, that the bot reads
 * English only. Events are recorded for the clinic without the user's words.
 */
export class SafetyScreen {
  private readonly followUps: FollowUpReader;
  private readonly fill: (text: string, category?: string) => string;
  private readonly levels: Map<string, UrgencyLevel>;

  constructor(
    private readonly triage: Triage,
    private readonly rules: RedFlagRules,
    private readonly advice: Config['urgentAdvice'],
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly language: LanguageCheck,
    private readonly logger: Logger,
    /** A request the dialogs answer (a command, a knowledge question): not a reply to urgent advice. */
    private readonly isRequest: (message: Utterance) => boolean,
  ) {
    this.followUps = new FollowUpReader(rules.followUps);
    this.levels = new Map(rules.categories.map((category) => [category.id, category.level]));
    const nowOf = new Map(rules.categories.map((category) => [category.id, category.now]));
    const values: Record<string, string> = { ...advice };
    this.fill = (text, category) =>
      text
        .replace('{now}', category ? (nowOf.get(category) ?? '') : '')
        .replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  }

  async screen(context: TurnContext, message: Utterance): Promise<Screened> {
    const text = message.text;
    const data = await this.conversationData.get(context, {});

    const { pendingCheck, deferredMessage } = data;
    delete data.pendingCheck;
    delete data.deferredMessage;
    if (pendingCheck) {
      const answer = recognizeYesNoUnsure(text);
      if (answer === 'yes' || answer === 'unsure') return this.report(context, pendingCheck, 'check');
      if (answer === 'no') {
        await send(context, { text: this.rules.checkDeclined });
        if (deferredMessage === undefined) return 'carryOn';
        // The message the question was asked about becomes this turn's: the dialogs answer it ("about 6, what's
        // the point" records the 6) as if the question had not come between.
        context.activity.text = deferredMessage;
        return 'clear';
      }
    }
    if (data.pendingClear) {
      delete data.pendingClear;
      const answer = recognizeYesNoUnsure(text);
      if (answer === 'yes') return this.clearHold(context);
      if (answer === 'no') return this.keepHold(context, data.afterUrgent);
    }

    // A checklist sign tapped or typed as it is labelled says it plainly: no need to check. "More than one" is
    // the checklist's own answer, for the assessment to give the advice for all of them.
    const { signs, severalLabel } = this.rules.checklist;
    const sign = signs.find((candidate) => normaliseText(candidate.label) === message.normalised);
    if (sign) return this.report(context, sign.category, 'checklist');
    if (normaliseText(severalLabel) === message.normalised) return 'clear';

    const { outcome, category, check, byRule } = this.triage.assess(message);
    // Right after urgent advice, "I meant my mum" or "I can't afford to go" is a reply to it, whatever words it
    // shares with warning signs; only an explicit new one (a rule) is reported again.
    const reply = data.afterUrgent && tokenise(text).length <= MAX_FOLLOW_UP_WORDS && !this.isRequest(message);
    if (reply && !byRule && ['misunderstanding', 'pushback'].includes(this.followUps.read(text)))
      return this.followUp(context, data);
    if (outcome === 'report' && category) return this.report(context, category, 'message');
    if (outcome === 'possible' && category && check) {
      data.pendingCheck = category;
      // Thoughts of ending one's life are asked about first and alone; the message is answered after a "no".
      if (this.levels.get(category) === 'crisis') {
        data.deferredMessage = text;
        await send(context, checkQuestion(check));
        return 'answered';
      }
      // Other signs are asked about after the turn's own answer, so "that hurts" still stops a stretch.
      return 'checkAfter';
    }

    if (reply) return this.followUp(context, data);
    delete data.afterUrgent;

    if (await this.language.isOtherLanguage(text)) {
      await send(context, { text: this.fill(this.rules.otherLanguage), urgent: this.urgentStyle('crisis') });
      return 'answered';
    }
    return 'clear';
  }

  /** The check question a "checkAfter" message left pending, sent at the end of its turn. */
  async askPendingCheck(context: TurnContext): Promise<void> {
    const category = (await this.conversationData.get(context, {})).pendingCheck;
    const check = this.rules.categories.find((candidate) => candidate.id === category)?.check;
    if (check) await send(context, checkQuestion(check));
  }

  /** Whether a piece of text would be reported or asked about: for what follows a "no" on the checklist. */
  mightReport(text: string): boolean {
    return this.triage.assess(text).outcome !== 'none';
  }

  /** "No, but I fell off a ladder on Saturday": a checklist "no" that goes on to tell of a warning sign. */
  noButASign(answer: string): boolean {
    const rest = afterTheNo(answer);
    return rest !== undefined && this.mightReport(rest);
  }

  /** The checklist's "which one?": the signs to pick from, and the label for "more than one". */
  checklistChoices(): { labels: string[]; several: string } {
    return { labels: this.rules.checklist.signs.map((sign) => sign.label), several: this.rules.checklist.severalLabel };
  }

  /** The warning-sign checklist, as the assessment and the check-in ask it. */
  checklist(): Reply {
    return { text: this.rules.checklist.question, actions: CHECKLIST_CHOICES };
  }

  askWhichSign(): Reply {
    const { labels, several } = this.checklistChoices();
    return { text: this.rules.checklist.which, actions: [...labels, several] };
  }

  /**
   * At a check-in, why the checklist is asked again before any advice: pain up by `recheck.scoreRise` points or
   * more since last time, or said to be getting worse; undefined when there is no need.
   */
  recheckReason(previous: number | undefined, score: number | undefined, saysWorse: boolean): string | undefined {
    const { scoreRise, higherScore, worse } = this.rules.checklist.recheck;
    if (previous !== undefined && score !== undefined && score - previous >= scoreRise)
      return higherScore.replace('{previous}', String(previous)).replace('{score}', String(score));
    return saysWorse ? worse : undefined;
  }

  /** "Not sure" to the checklist asked again at a check-in. */
  recheckUnsure(): Reply {
    return { text: this.fill(this.rules.checklist.recheck.unsure) };
  }

  /** After the checklist, for someone who said it was getting worse without a score. */
  recheckAskScore(): string {
    return this.rules.checklist.recheck.askScore;
  }

  whyChecklistMatters(): Reply {
    return { ...this.checklist(), text: this.rules.checklist.whyItMatters };
  }

  /**
   * The answer to "which one?": a sign picked from the checklist (by its label, as tapped or typed), or all of them
   * at once for "more than one" or anything else.
   */
  async reportChecklistSign(context: TurnContext, answer: string): Promise<void> {
    const sign = this.rules.checklist.signs.find(
      (candidate) => normaliseText(candidate.label) === normaliseText(answer),
    );
    if (sign) {
      await this.report(context, sign.category, 'checklist');
      return;
    }
    await this.record(context, 'checklist', 'emergency', 'checklist');
    await send(context, { text: this.fill(this.rules.checklist.several), urgent: this.urgentStyle('cauda-equina') });
  }

  private async report(context: TurnContext, category: string, source: string): Promise<Screened> {
    const found = this.rules.categories.find((candidate) => candidate.id === category)!;
    await this.record(context, category, found.level, source);
    await send(context, { text: this.fill(found.message, category), urgent: this.urgentStyle(category) });
    return 'urgent';
  }

  private async followUp(context: TurnContext, data: ConversationData): Promise<Screened> {
    const category = data.afterUrgent!;
    const kind = this.followUps.read(context.activity.text ?? '');
    const replies = this.rules.followUps.replies;
    if (kind === 'misunderstanding') {
      data.pendingClear = true;
      await send(context, { text: replies.confirmMisunderstanding, actions: [CONFIRM_CLEAR, KEEP_HOLD] });
      return 'answered';
    }
    await send(context, { text: this.fill(replies[kind], category), urgent: this.urgentStyle(category) });
    return 'urgent';
  }

  private async clearHold(context: TurnContext): Promise<Screened> {
    const profile = await this.profile.get(context, {});
    if (profile.warningSign) profile.warningSign.cleared = 'misunderstanding';
    const data = await this.conversationData.get(context, {});
    delete data.afterUrgent;
    await send(context, { text: this.rules.followUps.replies.cleared });
    return 'answered';
  }

  private async keepHold(context: TurnContext, category: string | undefined): Promise<Screened> {
    await send(context, {
      text: this.fill(this.rules.followUps.replies.notCleared, category),
      urgent: this.urgentStyle(category),
    });
    return 'urgent';
  }

  private async record(context: TurnContext, category: string, level: string, source: string): Promise<void> {
    const profile = await this.profile.get(context, {});
    profile.warningSign = { category, reportedOn: userDate(context.activity) };
    await this.profile.set(context, profile);
    // Replies to advice get the one thing to do again; the checklist's own advice is followed by its own question.
    if (source !== 'checklist') (await this.conversationData.get(context, {})).afterUrgent = category;
    // For the clinic: what and when, never what the user wrote. "urgency", not "level": pino's level is on the line.
    this.logger.warn(
      {
        event: 'red_flag',
        category,
        urgency: level,
        source,
        channel: context.activity.channelId,
        at: new Date().toISOString(),
      },
      'warning sign reported',
    );
  }

  /** Urgent replies look different where the channel allows it, with a button to call the number in them. */
  private urgentStyle(category: string | undefined): Reply['urgent'] {
    const number = this.levels.get(category ?? '') === 'crisis' ? this.advice.crisisLine : this.advice.emergency;
    const phone = /\+?\d[\d\s-]{1,14}\d/.exec(number)?.[0];
    return phone ? { call: { label: `Call ${phone}`, phone: phone.replace(/[\s-]/g, '') } } : {};
  }
}
