import type { LeftOut, Plan, PlanItem, PlanSection } from './buildPlan';

const SECTION_HEADINGS: Record<PlanSection, string> = {
  physician: 'First',
  massage: 'Massage',
  frequency: 'Massage',
  selfMassage: 'Self-massage',
  stretches: 'Stretches',
  activity: 'Every day',
  lifestyle: 'Everyday habits',
  safetyNet: 'Good to know',
};

export const LEFT_OUT_HEADING = 'Not in your plan for now';

/** The plan's items under their headings, in order: what both the text and the card show. */
export function planSections(plan: Plan): { heading: string; items: PlanItem[] }[] {
  const sections: { heading: string; items: PlanItem[] }[] = [];
  for (const item of plan.items) {
    const heading = SECTION_HEADINGS[item.section];
    if (sections.at(-1)?.heading === heading) sections.at(-1)!.items.push(item);
    else sections.push({ heading, items: [item] });
  }
  return sections;
}

export function leftOutLine(left: LeftOut): string {
  return `${left.title}: ${left.why}.`;
}

/** The plan as Markdown for channels without cards: one short block per item, grouped under headings. */
export function formatPlanText(plan: Plan): string {
  const lines: string[] = ['**Your plan**'];
  for (const { heading, items } of planSections(plan)) {
    lines.push('', `**${heading}**`);
    for (const item of items) lines.push(`- **${item.title}.** ${item.advice} Why: ${item.why}`);
  }
  if (plan.leftOut.length > 0) {
    lines.push('', `**${LEFT_OUT_HEADING}**`);
    for (const left of plan.leftOut) lines.push(`- ${leftOutLine(left)}`);
  }
  return lines.join('\n');
}
