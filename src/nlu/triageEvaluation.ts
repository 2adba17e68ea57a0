import type { TriageResult } from './triage';

/** One labelled message: urgent with the category it reports, or not urgent (a look-alike or an ordinary one). */
export interface LabelledMessage {
  text: string;
  urgent: boolean;
  flag: string | null;
}

interface Tally {
  messages: number;
  reported: number;
  asked: number;
}

export interface TriageFigures {
  urgent: Tally & { rightCategory: number };
  notUrgent: Tally;
  /** Urgent messages by the category they report; look-alikes are not broken down (they have none). */
  byCategory: Record<string, Tally>;
  missed: LabelledMessage[];
  falseAlarms: (LabelledMessage & { category: string | null })[];
}

/** A labelled message with what the triage made of it. */
export interface Assessed {
  message: LabelledMessage;
  result: TriageResult;
}

/** How a triage did on labelled messages: urgent ones reported or asked about, and the rest left alone. */
export function evaluateTriage(assessed: Assessed[]): TriageFigures {
  const figures: TriageFigures = {
    urgent: { messages: 0, reported: 0, asked: 0, rightCategory: 0 },
    notUrgent: { messages: 0, reported: 0, asked: 0 },
    byCategory: {},
    missed: [],
    falseAlarms: [],
  };
  for (const { message, result } of assessed) {
    const tally = message.urgent ? figures.urgent : figures.notUrgent;
    const byCategory = message.urgent
      ? (figures.byCategory[message.flag ?? '?'] ??= { messages: 0, reported: 0, asked: 0 })
      : undefined;
    for (const counted of [tally, byCategory]) {
      if (!counted) continue;
      counted.messages++;
      if (result.outcome === 'report') counted.reported++;
      if (result.outcome === 'possible') counted.asked++;
    }
    if (message.urgent && result.outcome !== 'none' && result.category === message.flag) figures.urgent.rightCategory++;
    if (message.urgent && result.outcome === 'none') figures.missed.push(message);
    if (!message.urgent && result.outcome === 'report')
      figures.falseAlarms.push({ ...message, category: result.category });
  }
  return figures;
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** The figures as lines of text: totals, each category, then the misses and false alarms themselves. */
export function describeTriageFigures(figures: TriageFigures): string[] {
  const { urgent, notUrgent } = figures;
  const caught = urgent.reported + urgent.asked;
  return [
    `urgent: ${caught}/${urgent.messages} caught (${percent(caught, urgent.messages)}): ${urgent.reported} reported, ` +
      `${urgent.asked} asked; right category ${percent(urgent.rightCategory, urgent.messages)}`,
    `not urgent: ${notUrgent.reported}/${notUrgent.messages} reported (${percent(notUrgent.reported, notUrgent.messages)}), ` +
      `${notUrgent.asked} asked (${percent(notUrgent.asked, notUrgent.messages)})`,
    ...Object.entries(figures.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([category, tally]) =>
          `  ${category.padEnd(16)} ${tally.reported + tally.asked}/${tally.messages} caught ` +
          `(${tally.reported} reported, ${tally.asked} asked)`,
      ),
    ...figures.missed.map((message) => `missed (${message.flag}): ${message.text}`),
    ...figures.falseAlarms.map((message) => `false alarm (${message.category}): ${message.text}`),
  ];
}
