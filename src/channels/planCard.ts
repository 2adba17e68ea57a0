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

/**
 * Short enough for a phone screen: each item is one button, its name; why it was chosen and what to do open under
 * it when it is tapped (Action.ShowCard, shown inline by Web Chat and Teams, and not sent to the bot). Seeing a
 * physician first stands out on its own. What was left out opens the same way.
 */
function planBody(plan: Plan): object[] {
  const body: object[] = [
    { type: 'TextBlock', text: 'Your plan', size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Tap an item to see what to do and why.', isSubtle: true, wrap: true, spacing: 'None' },
  ];
  const unfolding = (title: string, detail: object[]) => ({
    type: 'ActionSet',
    spacing: 'Small',
    actions: [{ type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: detail } }],
  });
  const item = (planItem: PlanItem) =>
    unfolding(planItem.title, [
      { type: 'TextBlock', text: planItem.advice, wrap: true },
      { type: 'TextBlock', text: `Why: ${planItem.why}`, isSubtle: true, wrap: true, spacing: 'Small' },
    ]);
  for (const { items } of planSections(plan)) {
    if (items[0].section === 'physician') body.push({ type: 'Container', style: 'attention', items: items.map(item) });
    else body.push(...items.map(item));
  }
  if (plan.leftOut.length > 0)
    body.push(
      unfolding(
        LEFT_OUT_HEADING,
        plan.leftOut.map((left) => ({ type: 'TextBlock', text: leftOutLine(left), isSubtle: true, wrap: true })),
      ),
    );
  return body;
}
