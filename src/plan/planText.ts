import type { LeftOut, Plan, PlanItem } from './buildPlan';

export const LEFT_OUT_HEADING = 'Not in your plan for now';

export function leftOutLine(left: LeftOut): string {
  return `${left.title}: ${left.why}.`;
}

/** The one line of why (plans kept from before there was one give their whole reason). */
function briefOf(item: PlanItem): string {
  return item.brief ?? item.why;
}

/** One numbered line of the plan's first message: one item or a few together, or what was left out. */
export type PlanEntry = { title: string; brief?: string; items: PlanItem[] } | { leftOut: LeftOut[] };

export const HABITS_HEADING = 'Everyday habits';

/**
 * The plan's first message in lines: how often goes with the massage it is for, the everyday habits share one
 * line (their names only), and what was left out is the last.
 */
export function planEntries(plan: Plan): PlanEntry[] {
  const entries: PlanEntry[] = [];
  let habits: PlanItem[] | undefined;
  for (const item of plan.items) {
    const last = entries.at(-1);
    if (item.section === 'frequency' && last && 'items' in last && last.items[0].section === 'massage')
      last.items.push(item);
    else if (item.section === 'lifestyle') {
      if (!habits) entries.push({ title: HABITS_HEADING, items: (habits = []) });
      habits.push(item);
    } else entries.push({ title: item.title, brief: briefOf(item), items: [item] });
  }
  if (habits)
    (entries.find((entry) => 'items' in entry && entry.items === habits) as { brief?: string }).brief =
      `${habits.map((item) => item.title).join('; ')}.`;
  if (plan.leftOut.length > 0) entries.push({ leftOut: plan.leftOut });
  return entries;
}

/**
 * The plan as Markdown for channels without cards, short enough for one phone screen: a numbered line each, with
 * one line of why; a number opens its line (planEntries).
 */
export function formatPlanText(plan: Plan): string {
  const lines = ['**Your plan for this week**'];
  planEntries(plan).forEach((entry, i) =>
    lines.push(
      'leftOut' in entry
        ? `${i + 1}. **${LEFT_OUT_HEADING}:** ${entry.leftOut.map((left) => left.title).join(', ')}.`
        : `${i + 1}. **${entry.title}.** ${entry.brief}`,
    ),
  );
  lines.push('', 'Say a number for what to do and why.');
  return lines.join('\n');
}

/** A line opened: what to do and why for each of its items, or what was left out with the reasons. */
export function planEntryText(entry: PlanEntry): string {
  if ('leftOut' in entry)
    return [`**${LEFT_OUT_HEADING}**`, ...entry.leftOut.map((left) => `- ${leftOutLine(left)}`)].join('\n');
  return entry.items.map((item) => `**${item.title}**\n\n${item.advice}\n\nWhy: ${item.why}`).join('\n\n');
}
