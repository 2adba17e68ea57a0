import type { Plan, PlanSection } from './buildPlan';

export const SECTION_HEADINGS: Record<PlanSection, string> = {
  physician: 'First',
  massage: 'Massage',
  frequency: 'Massage',
  selfMassage: 'Self-massage',
  stretches: 'Stretches',
  activity: 'Every day',
  lifestyle: 'Everyday habits',
  safetyNet: 'Good to know',
};

/** The plan as Markdown for channels without cards: one short block per item, grouped under headings. */
export function formatPlanText(plan: Plan): string {
  const lines: string[] = ['**Your plan**'];
  let heading = '';
  for (const item of plan.items) {
    if (SECTION_HEADINGS[item.section] !== heading) {
      heading = SECTION_HEADINGS[item.section];
      lines.push('', `**${heading}**`);
    }
    lines.push(`- **${item.title}.** ${item.advice} Why: ${item.why}`);
  }
  if (plan.leftOut.length > 0) {
    lines.push('', '**Not in your plan for now**');
    for (const left of plan.leftOut) lines.push(`- ${left.title}: ${left.why}.`);
  }
  return lines.join('\n');
}
