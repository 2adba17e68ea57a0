import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Plan, PlanItem } from '../plan/buildPlan';
import { formatPlanText, LEFT_OUT_HEADING, leftOutLine, planSections } from '../plan/planText';
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

function planBody(plan: Plan): object[] {
  const body: object[] = [{ type: 'TextBlock', text: 'Your plan', size: 'Large', weight: 'Bolder', wrap: true }];
  for (const { heading, items } of planSections(plan)) {
    const blocks = items.flatMap(itemBlocks);
    // Seeing a physician first stands out on its own, without a heading.
    if (items[0].section === 'physician') body.push({ type: 'Container', style: 'attention', items: blocks });
    else
      body.push(
        { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', spacing: 'Large', wrap: true },
        ...blocks,
      );
  }
  if (plan.leftOut.length > 0) {
    body.push({ type: 'TextBlock', text: LEFT_OUT_HEADING, weight: 'Bolder', spacing: 'Large', wrap: true });
    for (const left of plan.leftOut)
      body.push({ type: 'TextBlock', text: leftOutLine(left), isSubtle: true, wrap: true, spacing: 'Small' });
  }
  return body;
}

function itemBlocks(item: PlanItem): object[] {
  return [
    { type: 'TextBlock', text: `**${item.title}.** ${item.advice}`, wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: `Why: ${item.why}`, isSubtle: true, wrap: true, spacing: 'None' },
  ];
}
