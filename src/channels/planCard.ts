import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Plan, PlanItem } from '../plan/buildPlan';
import { formatPlanText, LEFT_OUT_HEADING, leftOutLine, planEntries } from '../plan/planText';
import { renderReply } from './reply';

/** Channels whose clients render Adaptive Cards; elsewhere (Slack, SMS, ...) the plan goes as text. */
const ADAPTIVE_CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'directlinespeech']);

function supportsAdaptiveCards(channelId: string): boolean {
  return ADAPTIVE_CARD_CHANNELS.has(channelId);
}

/** The plan as an Adaptive Card where the channel shows one, readable Markdown elsewhere; next steps as actions. */
export function renderPlan(plan: Plan, channelId: string, introduction: string): Partial<Activity> {
  if (!supportsAdaptiveCards(channelId))
    return renderReply({ text: `${introduction}\n\n${formatPlanText(plan)}`, actions: plan.nextSteps }, channelId);
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: planBody(plan),
    actions: plan.nextSteps.map((step) => ({
      type: 'Action.Submit',
      title: step,
      // Teams sends msteams.imBack as a message from the user; Web Chat posts the object, read back as its text.
      data: { msteams: { type: 'imBack', value: step }, text: step },
    })),
  });
  return { ...MessageFactory.attachment(card, introduction), textFormat: 'markdown' };
}

/**
 * Short enough for a phone screen: the same lines as the text (planEntries), each a button with its one line of why
 * beneath; what to do and why open under it when it is tapped (Action.ShowCard, shown inline by Web Chat and Teams,
 * and not sent to the bot). Seeing a physician first stands out on its own.
 */
function planBody(plan: Plan): object[] {
  const body: object[] = [
    { type: 'TextBlock', text: 'Your plan for this week', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Tap a line to see what to do and why.', isSubtle: true, wrap: true, spacing: 'None' },
  ];
  const line = (title: string, brief: string | undefined, detail: object[]) => [
    {
      type: 'ActionSet',
      spacing: 'None',
      actions: [{ type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: detail } }],
    },
    ...(brief ? [{ type: 'TextBlock', text: brief, isSubtle: true, size: 'Small', wrap: true, spacing: 'None' }] : []),
  ];
  const details = (items: PlanItem[]) =>
    items.flatMap((item) => [
      ...(items.length > 1 ? [{ type: 'TextBlock', text: item.title, weight: 'Bolder', wrap: true }] : []),
      { type: 'TextBlock', text: item.advice, wrap: true, spacing: 'Small' },
      { type: 'TextBlock', text: `Why: ${item.why}`, isSubtle: true, wrap: true, spacing: 'Small' },
    ]);
  for (const entry of planEntries(plan)) {
    if ('leftOut' in entry) {
      const reasons = entry.leftOut.map((left) => ({
        type: 'TextBlock',
        text: leftOutLine(left),
        isSubtle: true,
        wrap: true,
      }));
      body.push(...line(LEFT_OUT_HEADING, undefined, reasons));
    } else if (entry.items[0].section === 'physician')
      body.push({ type: 'Container', style: 'attention', items: line(entry.title, entry.brief, details(entry.items)) });
    else body.push(...line(entry.title, entry.brief, details(entry.items)));
  }
  return body;
}
