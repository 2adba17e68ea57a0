import type { Frame, Page } from 'playwright-core';

/** Web Chat's own markup, as the browser tests find things in it. */
export const BOT_MESSAGE = '.webchat__basic-transcript__activity';
export const SEND_BOX = '[data-id="webchat-sendbox-input"]';

/** Waits for a bot message containing the text, in the page or the chat frame. */
export async function botSays(where: Page | Frame, text: string | RegExp): Promise<void> {
  await where.locator(BOT_MESSAGE, { hasText: text }).last().waitFor({ timeout: 15_000 });
}

/** The assessment, answered as someone with a desk job and some stress would, up to the plan being shown. */
export async function answerAssessment(page: Page): Promise<void> {
  await type(page, 'my back hurts, what should I do?');
  await botSays(page, 'quick safety check');
  await tapSuggestion(page, 'No, none of these');
  await botSays(page, 'How bad is the pain right now');
  await type(page, 'about a 5');
  await botSays(page, 'How long have you had this pain');
  await tapSuggestion(page, 'About 2 weeks');
  await botSays(page, 'getting better, getting worse');
  await tapSuggestion(page, 'About the same');
  await botSays(page, 'hours do you spend sitting');
  await type(page, '9 to 5');
  await botSays(page, 'wake up stiff');
  await tapSuggestion(page, 'Sometimes');
  await botSays(page, 'mattress old or sagging');
  await tapSuggestion(page, "No, it's fine");
  await botSays(page, 'How much stress');
  await tapSuggestion(page, 'Some');
  await botSays(page, 'Do you play sport');
  await tapSuggestion(page, 'Neither');
  await botSays(page, 'about massage safety');
  await tapSuggestion(page, 'No');
  await botSays(page, /Here.s what I understood/);
  await tapSuggestion(page, 'Yes, show my plan');
}

export async function tapSuggestion(where: Page | Frame, title: string): Promise<void> {
  await where.locator('.webchat__suggested-action', { hasText: title }).last().click();
}

export async function type(where: Page | Frame, text: string): Promise<void> {
  const box = where.locator(SEND_BOX);
  await box.fill(text);
  await box.press('Enter');
}
