import type { ReminderRule } from '../src/nlu/reminderRequest';
import type { Reply } from '../src/channels/reply';
import type { Branding } from '../src/channels/webChat/branding';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import type { RoutineFinder } from '../src/kb/routineFinder';
import type { Topic, TopicSection } from '../src/kb/loadKnowledge';
import type { SafetyMessages } from '../src/kb/schema';
import type { PainRecord, Trend, UserProfile } from '../src/plan/profile';
import { describeAnswers } from './assessmentQuestions';
import { walkThroughAction } from './routineReplies';
import { progressChartPng } from '../src/channels/progressChart';
import type { Progress } from '../src/plan/progress';
import { planEntryText, type PlanEntry } from '../src/plan/planText';
import type { StatedCautions } from './statedCautions';
import { lowerFirst, SCORE_ACTIONS, spokenDate } from './wording';

/** Starting points offered when the user has not asked anything yet, or asked something we cannot answer. */
const STARTER_TOPICS = ['therapy.which', 'stretch.overview', 'cause.overview', 'safety.see-physician'];
export const MORE_ACTION = 'Tell me more';
const WALK_ME_THROUGH_IT = 'Walk me through it';
const START_ASSESSMENT = 'Get a personal plan';
export const SOMETHING_ELSE = 'Something else';

/** The words the bot uses outside topic answers, kept together so the voice stays the same. */
export class Replies {
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly routines: RoutineFinder,
    /** The clinic's names for itself and the assistant, and its booking page if it has one. */
    private readonly branding: Pick<Branding, 'botName' | 'clinicName' | 'bookingUrl'> = {
      botName: 'BackCare',
      clinicName: 'BackCare',
    },
    /** The Azure Bot's app id, for a Teams link that opens a private chat with the bot. */
    private readonly appId = '',
    /** The health cautions the person told the bot about: their names, and what they rule out. */
    private readonly cautions: StatedCautions,
    /** What the bot says about safety (knowledge/safety-messages.yaml): for the dialogs too. */
    readonly safetyMessages: SafetyMessages,
  ) {}

  private get botName(): string {
    return this.branding.botName;
  }

  welcome(): Reply {
    return {
      text:
        `Hi, I'm ${this.botName}, here to help with lower back pain. I can tell you about massage (Swedish, hot stone, Thai), ` +
        'self-massage, stretches, what often causes back pain, everyday habits that help, and when to see a doctor. ' +
        'If you tell me about your back, I can suggest a personal plan.\n\n' +
        'I give general information, not a diagnosis. Ask me anything in your own words, or pick a topic below. ' +
        'Say **help** at any time.',
      actions: [START_ASSESSMENT, ...this.titles(STARTER_TOPICS)],
    };
  }

  /** Welcome in a group chat or channel: what it can answer there, and that personal help is private. */
  groupWelcome(channelId: string): Reply {
    return {
      text:
        `Hi, I'm ${this.botName}. Mention me with a question about lower back pain (massage, stretches, causes, ` +
        "habits, when to see a doctor) and I'll answer here for everyone. For help with your own back, talk to me " +
        `in a private chat.${this.privateChatLink(channelId)}`,
    };
  }

  /** Something personal asked in a group chat or channel: it is offered in a private chat instead. */
  privateChat(channelId: string): Reply {
    return {
      text:
        "That is about your own health, so let's talk about it in a private chat, where only you see my questions " +
        `and your answers.${this.privateChatLink(channelId)} Here I can answer general questions for everyone.`,
      actions: this.titles(STARTER_TOPICS.slice(0, 2)),
    };
  }

  /** Teams' deep link to a one-to-one chat with the bot ("28:" marks a bot's id). */
  private privateChatLink(channelId: string): string {
    if (channelId !== 'msteams' || this.appId === '') return '';
    return ` [Open a private chat with ${this.botName}](https://teams.microsoft.com/l/chat/0/0?users=28:${this.appId})`;
  }

  /** A returning person with something unfinished: where "continue" takes them. */
  welcomeBackToUnfinished(what: 'assessment' | 'routine'): Reply {
    const unfinished = what === 'assessment' ? 'the questions for your personal plan' : 'a walkthrough';
    return {
      text: `Welcome back! You were part-way through ${unfinished}. Say **continue** to pick up where you left off, or ask me anything.`,
      actions: ['Continue', ...this.titles(STARTER_TOPICS.slice(0, 2))],
    };
  }

  /** today: the user's date (yyyy-mm-dd). */
  welcomeBack(last: PainRecord, today: string): Reply {
    return {
      text: `Welcome back! Last time, ${spokenDate(last.date, today)}, your pain was ${last.score}/10. How is it today, from 0 to 10?`,
      actions: SCORE_ACTIONS,
      actionsIntro: 'You can answer:',
    };
  }

  checkedIn(previous: number, now: number, trend: Trend, hasPlan: boolean): Reply {
    const change =
      now === previous
        ? `The same as last time (${now}/10).`
        : `That's ${now < previous ? 'down' : 'up'} from ${previous} to ${now}.`;
    const meaning = {
      better: ' A change of two points or more is a real improvement: keep going with what helps.',
      same: now === previous ? '' : ' About the same as last time.',
      worse: " I'm sorry it's worse. Pain that keeps getting worse, or is severe, is a reason to see a physician soon.",
    }[trend];
    return hasPlan
      ? {
          text: `${change}${meaning} I've updated your plan to match.`,
          actions: ['Show my plan', 'Start a new assessment'],
        }
      : { text: `${change}${meaning}`, actions: [START_ASSESSMENT] };
  }

  /** A line of the plan opened by its number: what to do and why, and its walkthroughs. */
  planEntry(entry: PlanEntry): Reply {
    const walkthroughs = 'items' in entry ? entry.items.flatMap((item) => (item.routine ? [item.routine] : [])) : [];
    return {
      text: planEntryText(entry),
      actions: [
        ...walkthroughs.flatMap((id) => {
          const routine = this.routines.byId(id);
          return routine ? [walkThroughAction(routine)] : [];
        }),
        'Show my plan',
      ],
    };
  }

  /** A number said after the plan that is none of its lines. */
  noSuchPlanLine(count: number): Reply {
    return { text: `Your plan has ${count} lines. Say a number from 1 to ${count}.`, actions: ['Show my plan'] };
  }

  noPlanYet(): Reply {
    return {
      text: "You don't have a plan yet. I can make one if you answer a few short questions.",
      actions: [START_ASSESSMENT],
    };
  }

  /** Reminders are set: when, in whose time, and how to stop them. */
  remindersSet(rule: ReminderRule, timeZone: string, firstAt: number): Reply {
    const first = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(firstAt);
    return {
      text:
        `Done: I'll remind you to take a stretch break ${describeReminders(rule)} (${timeZone} time), ` +
        `starting ${first}. Each reminder offers the two-minute desk break. Say **stop reminders** to end them.`,
    };
  }

  reminderTimeZone(): Reply {
    return {
      text:
        'Which time zone are you in, so the reminders come at the right hours? Say it like **Europe/London**, ' +
        '**America/New_York** or **Asia/Kolkata**.',
    };
  }

  reminderTimeZoneUnread(): Reply {
    return {
      text:
        "I couldn't read that as a time zone, so I haven't set any reminders. Ask again any time, and say your " +
        'time zone like **Europe/London**.',
    };
  }

  remindersStopped(hadSome: boolean): Reply {
    return { text: hadSome ? 'Done: no more stretch reminders.' : "You don't have any stretch reminders set." };
  }

  remindersNotHere(): Reply {
    return {
      text:
        "I can't send reminders here: this chat only lets me answer when you write. In the website chat, Teams " +
        'or Slack I can.',
    };
  }

  /** The reminder itself. */
  stretchReminder(): Reply {
    const routine = this.routines.byId('desk-break');
    const title = routine?.title ?? 'Two-minute desk break';
    return {
      text: `Time for a stretch break. Two minutes of gentle movement helps a back that has been sitting still.`,
      actions: [`Walk me through the ${lowerFirst(title)}`, 'Stop reminders'],
    };
  }

  /** Everything stored about the user, so "what do you know about me" has a complete answer; today: theirs. */
  whatIKnow(profile: UserProfile, today: string): Reply {
    const sections: string[] = [];
    if (profile.cautions?.length)
      sections.push(`**Health cautions you told me about:** ${this.cautions.labels(profile.cautions)}.`);
    if (profile.answers) {
      sections.push(`**Your answers** (${longDate(profile.assessedOn!)}):\n${describeAnswers(profile.answers)}`);
    }
    if (profile.reminders)
      sections.push(`**Stretch reminders:** ${describeReminders(profile.reminders)} (${profile.timeZone} time).`);
    if (profile.plan) sections.push(`**Your plan:** ${profile.plan.items.map((item) => item.title).join('; ')}.`);
    const titleOf = (id: string) => lowerFirst(this.routines.byId(id)?.title ?? id);
    if (profile.painHistory?.length)
      sections.push(
        `**Your pain scores:** ${profile.painHistory
          .map(
            (record) =>
              `${longDate(record.date)}: ${record.score}/10${record.routineId ? ` (after the ${titleOf(record.routineId)})` : ''}`,
          )
          .join('; ')}.`,
      );
    if (profile.routineLog?.length)
      sections.push(
        `**Routines:** ${profile.routineLog
          .map(
            (record) =>
              `${longDate(record.date)}: the ${titleOf(record.routineId)}, ${record.outcome === 'hurt' ? `stopped at step ${record.step ?? 1} because it hurt` : 'finished'}`,
          )
          .join('; ')}.`,
      );
    if (profile.assessmentProgress)
      sections.push(
        `**Unfinished questions** (paused ${longDate(profile.assessmentProgress.savedAt.slice(0, 10))}):\n${describeAnswers(profile.assessmentProgress.answers)}`,
      );
    if (profile.routineProgress)
      sections.push(
        `**Paused:** the ${titleOf(profile.routineProgress.routineId)}, at step ${profile.routineProgress.step + 1}.`,
      );
    if (profile.warningSign) {
      const { reportedOn, cleared } = profile.warningSign;
      const since = {
        clinician: ', and then that a clinician had checked you.',
        misunderstanding: ', and then that it was a misunderstanding.',
        none: '. Until a clinician has checked you, I hold back stretches and self-massage.',
      }[cleared ?? 'none'];
      sections.push(`**Warning sign:** ${spokenDate(reportedOn, today)} you told me about a warning sign${since}`);
    }
    if (sections.length === 0)
      return {
        text:
          "I don't have anything stored about you. If you answer my questions for a plan, I keep your answers, " +
          "your plan and your pain scores, so I can follow how you're doing. Say **forget me** to delete them at any time.",
        actions: [START_ASSESSMENT],
      };
    return {
      text: `Here is everything I have stored about you:\n\n${sections.join('\n\n')}\n\nSay **forget me** to delete all of it.`,
      actions: ['Forget me', 'Show my plan'],
    };
  }

  help(): Reply {
    return this.topic(this.required('bot.help'));
  }

  topic(topic: Topic): Reply {
    const actions = [
      ...(this.routines.forTopic(topic.id) ? [WALK_ME_THROUGH_IT] : []),
      ...(topic.more ? [MORE_ACTION] : []),
    ];
    return { text: topic.answer, actions: [...actions, ...this.titles(topic.related)] };
  }

  /**
   * For a person with one of the cautions a topic (or its routine) lists: what to say first, and the section
   * that says why, if the topic has one.
   */
  cautionNote(
    topic: Topic,
    profile: UserProfile | undefined,
    message: string,
  ): { text: string; section?: TopicSection } | undefined {
    const ids = [...(topic.cautions?.ids ?? []), ...(this.routines.forTopic(topic.id)?.cautions ?? [])];
    if (ids.length === 0) return undefined;
    const text = this.cautions.noteFor(ids, lowerFirst(topic.title), profile?.cautions ?? [], message);
    if (text === undefined) return undefined;
    return { text, section: topic.sections.find(({ heading }) => heading === topic.cautions?.section) };
  }

  /** "Walk me through it" with nothing to walk through: the routines there are. */
  whichRoutine(): Reply {
    return {
      text: 'I can walk you through any of these, one step at a time:',
      actions: this.routines.routines.map(walkThroughAction),
    };
  }

  nothingToContinue(): Reply {
    return {
      text: "We weren't in the middle of anything. What would you like to do?",
      actions: [START_ASSESSMENT, ...this.titles(STARTER_TOPICS)],
    };
  }

  /** The part of a topic the question asked about, first; "Tell me more" gives the rest. */
  section(topic: Topic, section: TopicSection): Reply {
    return { text: section.text, actions: [MORE_ACTION, ...this.titles(topic.related)] };
  }

  /** After a part of the topic answered first (afterSection: its heading), the topic's short answer. */
  more(topic: Topic | undefined, afterSection?: string): Reply {
    if (topic && afterSection)
      return { ...this.topic(topic), text: `More on ${lowerFirst(topic.title)}:\n\n${topic.answer}` };
    if (!topic)
      return {
        text: 'More about what? Ask me a question and I can go into detail.',
        actions: this.titles(STARTER_TOPICS),
      };
    if (!topic.more) {
      return {
        text: `That's everything I have on ${lowerFirst(topic.title)}. Related topics:`,
        actions: this.titles(topic.related),
      };
    }
    return { text: topic.more, actions: this.titles(topic.related) };
  }

  /** "How am I doing?": the pain scores since the first check-in as a line of text, and as a chart where shown. */
  progress(progress: Progress | undefined): Reply {
    if (!progress)
      return {
        text: "I don't have any pain scores from you yet. Make a plan with me, and I'll ask how it is each time you come back.",
        actions: ['Get a personal plan'],
      };
    return {
      text: `Your pain since your first check-in: ${progress.summary}.`,
      image: { png: progressChartPng(progress), name: `Chart of your pain scores: ${progress.summary}` },
      actions: ['Show my plan', 'What do you know about me?'],
    };
  }

  /** "Where is this from?": the last answer's sources, or where the answers come from at all. */
  sources(topic: Topic | undefined): Reply {
    if (!topic)
      return {
        text:
          'My answers are written in my own words from NHS pages, the NICE guideline on low back pain (NG59) and ' +
          'research reviews, each with its sources. Ask me something, then say **where is this from?**',
        actions: this.titles(STARTER_TOPICS.slice(0, 2)),
      };
    const sources = topic.sources.map(({ title, url }) => (url ? `- [${title}](${url})` : `- ${title}`));
    return {
      text: `Where my answer on ${topic.title} comes from:\n\n${sources.join('\n')}\n\nIt is general information in my own words, not a diagnosis.`,
      actions: this.titles(topic.related.slice(0, 3)),
    };
  }

  /** The closest topics, and a way out, for the user to pick from. */
  unsure(candidates: string[]): Reply {
    return {
      text: "I'm not completely sure what you're asking. Did you mean one of these? If not, try putting it another way.",
      actions: [...this.titles(candidates), SOMETHING_ELSE],
    };
  }

  somethingElse(): Reply {
    return { text: 'No problem. Could you tell me a bit more about what you would like to know?' };
  }

  /**
   * Nothing fits. The wording changes each time it happens in a conversation (the same sentence twice reads as a
   * machine not listening); each says what the assistant can do, and where a person can help.
   */
  noMatch(timesBefore = 0): Reply {
    const openings = [
      "Sorry, I don't have an answer for that one.",
      "I'm not sure I can help with that, I'm afraid.",
      "That's outside what I know about, sorry.",
    ];
    const ask = [
      'I can answer questions about lower back pain: massage, self-massage, stretches, causes, everyday habits and when to see a doctor.',
      'Could you put it another way? I know about massage, stretches, self-massage, what causes back pain and when to get it checked.',
      'Try asking about your lower back in a few words, for example "which stretches help" or "is hot stone massage safe".',
    ];
    const turn = timesBefore % openings.length;
    return {
      text:
        `${openings[turn]} ${ask[turn]} For anything else about your health, please ask a doctor or pharmacist.` +
        this.bookingLine(),
      actions: this.titles(STARTER_TOPICS),
    };
  }

  /** "Can I talk to a human?": the assistant cannot hand over, so it says who can help and how to reach them. */
  human(): Reply {
    const booking = this.branding.bookingUrl
      ? ` You can contact the ${this.branding.clinicName} team or book an appointment here: ${this.branding.bookingUrl}`
      : ' Please contact your clinic, GP or physiotherapist directly.';
    return {
      text: `I'm an automated assistant, so I can't put you through to a person.${booking} If it's urgent, tell me what's happening and I'll tell you where to get help now.`,
      actions: this.titles(['clinic.booking', 'safety.see-physician']),
    };
  }

  acknowledged(): Reply {
    return { text: 'OK. Ask me anything else whenever you like.', actions: this.titles(STARTER_TOPICS) };
  }

  /** "You're useless": no defensiveness; a way to say it differently, and a person to ask. */
  complaint(): Reply {
    return {
      text:
        "I'm sorry that didn't help. I work best with one question at a time about lower back pain, in your own words. " +
        `You can also pick a topic below.${this.bookingLine()}`,
      actions: [START_ASSESSMENT, ...this.titles(STARTER_TOPICS)],
    };
  }

  /** "Not that one": the other topics it could have been, or a request to say it another way. */
  corrected(alternatives: string[]): Reply {
    if (alternatives.length === 0)
      return {
        text: 'Sorry about that. Could you tell me in other words what you would like to know?',
        actions: this.titles(STARTER_TOPICS),
      };
    return {
      text: 'Sorry about that. Was it one of these?',
      actions: [...this.titles(alternatives), SOMETHING_ELSE],
    };
  }

  /** "Anything else?" answered yes. */
  whatElse(): Reply {
    return { text: 'Sure, what would you like to know?', actions: this.titles(STARTER_TOPICS) };
  }

  /** Two topics asked about at once ("massage or stretches?"): the start of each, and a way into either. */
  twoTopics(first: Topic, second: Topic): Reply {
    return {
      text: `**${first.title}:** ${firstParagraph(first.answer)}\n\n**${second.title}:** ${firstParagraph(second.answer)}`,
      actions: [first.title, second.title],
      actionsIntro: 'Tap one for the full answer:',
    };
  }

  private bookingLine(): string {
    return this.branding.bookingUrl
      ? ` You can also book with ${this.branding.clinicName}: ${this.branding.bookingUrl}`
      : '';
  }

  greeting(): Reply {
    return { text: 'Hello! What would you like to know about lower back care?', actions: this.titles(STARTER_TOPICS) };
  }

  /** Ends with "Anything else?": a yes or no after it is understood (see ConversationData.askedAnythingElse). */
  thanks(): Reply {
    return { text: "You're welcome. Is there anything else I can help with?" };
  }

  goodbye(): Reply {
    return { text: 'Take care of your back. You can come back any time.' };
  }

  cancelled(): Reply {
    return { text: "OK, I've stopped. What would you like to do next?", actions: this.titles(STARTER_TOPICS) };
  }

  heldForClinician(): Reply {
    return {
      text: this.safetyMessages.heldForClinician,
      actions: this.titles(['safety.red-flags', 'safety.see-physician']),
    };
  }

  clinicianChecked(): Reply {
    return {
      text: this.safetyMessages.clinicianChecked,
      actions: this.titles(STARTER_TOPICS),
    };
  }

  forgotten(): Reply {
    return {
      text: "Done. I've deleted everything I had stored about you. If you write again, we start fresh.",
      forgetDevice: true,
    };
  }

  keptData(): Reply {
    return {
      text: "OK, I haven't deleted anything. What would you like to do next?",
      actions: this.titles(STARTER_TOPICS),
    };
  }

  tooLong(): Reply {
    return {
      text:
        "That's a long message. I've read it for anything urgent, but I answer best when you ask one thing at a " +
        'time. Could you put your question in a sentence or two?',
    };
  }

  /** A turn failed: calm, and honest that it was on our side. */
  turnFailed(): Reply {
    return { text: "Sorry, something went wrong on my side. Please try again, or say 'start over'." };
  }

  /** Storage failed (a full disk, say): what was saved before is safe, this turn's answer may not be. */
  notSaved(): Reply {
    return {
      text:
        "Sorry, I couldn't save that just now, so I may not remember it. What you told me before is safe. " +
        'Please try again in a little while.',
    };
  }

  notText(): Reply {
    return { text: 'I can only read text messages for now. Please type your question.' };
  }

  private titles(ids: string[]): string[] {
    return ids.map((id) => this.index.topics.get(id)?.title).filter((title): title is string => title !== undefined);
  }

  private required(id: string): Topic {
    const topic = this.index.topics.get(id);
    if (!topic) throw new Error(`knowledge base has no "${id}" topic`);
    return topic;
  }
}

/** The first paragraph of an answer: what a short reply shows of it. */
function firstParagraph(answer: string): string {
  return answer.split(/\n\s*\n/)[0].trim();
}

/** "20 November 2026" from "2026-11-20", without time zones getting in the way. */
function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "every hour from 09:00 to 17:00, Monday to Friday". */
function describeReminders({ everyMinutes, fromMinute, toMinute, days }: ReminderRule): string {
  const every =
    everyMinutes % 60 === 0
      ? everyMinutes === 60
        ? 'every hour'
        : `every ${everyMinutes / 60} hours`
      : `every ${everyMinutes} minutes`;
  const clock = (minute: number) =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const on =
    days.length === 7
      ? 'every day'
      : days.join() === '1,2,3,4,5'
        ? 'Monday to Friday'
        : days.map((day) => DAY_NAMES[day]).join(', ');
  return `${every} from ${clock(fromMinute)} to ${clock(toMinute)}, ${on}`;
}
