import { createServer, type Server } from 'node:http';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { silentLogger, testConfig } from '../helpers';
import { describeInBrowser, launchChromium, screenshotPath } from './chromium';
import { answerAssessment, botSays, tapSuggestion, type } from './webChatPage';

jest.setTimeout(90_000);

/** A plain clinic website on another origin, with the one-line snippet. */
async function clinicSite(botBase: () => string): Promise<{ server: Server; url: string }> {
  const html = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Physio &amp; Massage</title>
<style>
  body { font-family: Georgia, serif; margin: 0; color: #222; background: #faf7f2; }
  header { background: #24435c; color: #fff; padding: 24px 40px; }
  main { padding: 24px 40px; max-width: 720px; line-height: 1.6; }
  button { background: hotpink; border-radius: 0; font-size: 30px; } /* a host style that must not leak in */
  h2 { color: #24435c; }
</style></head>
<body>
<header><h1>Riverside Physio &amp; Massage</h1><p>Sports massage · Physiotherapy · Back care</p></header>
<main>
  <h2>Lower back pain?</h2>
  <p>Our therapists offer Swedish, hot stone and Thai massage, alongside physiotherapy and exercise plans.</p>
  <p>Questions before you book? Ask our assistant, bottom right.</p>
  <p><a href="#book">Book an appointment</a> · <a href="#contact">Contact us</a></p>
</main>
<script src="${botBase()}/embed.js" defer></script>
</body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** The bot's server with these settings, a clinic site on another origin that embeds it, and Chromium. */
async function startBotAndClinic(env: (clinicUrl: string) => NodeJS.ProcessEnv) {
  let base = '';
  const clinic = await clinicSite(() => base);
  const app = createApp(testConfig(env(clinic.url)), { logger: silentLogger });
  const { port } = await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
  return { browser: await launchChromium(), app, base, clinic };
}

async function stopAll(browser: Browser | undefined, app: App | undefined, clinic: { server: Server } | undefined) {
  await browser?.close();
  await app?.close();
  clinic?.server.close();
}

describeInBrowser('clinic website assistant in Chromium', () => {
  let browser: Browser;
  let app: App;
  let base: string;
  let clinic: { server: Server; url: string };
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // The clinic site's origin must be allowed to frame the chat, so it listens first.
    ({ browser, app, base, clinic } = await startBotAndClinic((clinicUrl) => ({
      CLINIC_NAME: 'Riverside Physio',
      BOT_NAME: 'Riley',
      WEBCHAT_ORIGINS: clinicUrl,
      EMERGENCY_NUMBER: '999',
    })));
  });
  afterAll(() => stopAll(browser, app, clinic));

  async function openPage(viewport = { width: 1100, height: 800 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return page;
  }

  const PHONE = { width: 360, height: 740 };

  /** The chat page, opened and welcomed. */
  async function openChat(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await openPage(viewport);
    await page.goto(base);
    await botSays(page, /Hi, I.m Riley/);
    return page;
  }

  it('serves the chat page with the welcome, answers a question, and runs the assessment to a plan and a walkthrough', async () => {
    const page = await openPage();
    await page.goto(base);
    await expect(page.title()).resolves.toMatch(/Riley/);
    await botSays(page, /Hi, I.m Riley/);
    await page.screenshot({ path: screenshotPath('1-welcome') });

    await type(page, 'what is hot stone massage?');
    await botSays(page, /stones/);

    await answerAssessment(page);

    const card = page.locator('.ac-adaptiveCard', { hasText: 'Your plan' }).last();
    await card.waitFor({ timeout: 15_000 });
    await expect(card.textContent()).resolves.toMatch(/Finger circles along the spine/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('2-plan-card') });

    // The card's button posts its value; the bot reads it as typed.
    await card.locator('.ac-pushButton', { hasText: 'Walk me through the knee-to-chest stretch' }).click();
    await botSays(page, 'Knee-to-chest stretch');
    await tapSuggestion(page, 'Start');
    await botSays(page, 'Step 1 of 5');
    await tapSuggestion(page, 'Next');
    await botSays(page, 'Step 2 of 5');
    await page.screenshot({ path: screenshotPath('3-walkthrough') });
    await page.close();
  });

  it('shows "how am I doing?" as a chart of the pain scores, with the same in words', async () => {
    const page = await openChat();
    await answerAssessment(page);
    await page.locator('.ac-adaptiveCard', { hasText: 'Your plan' }).last().waitFor({ timeout: 15_000 });
    await type(page, 'how am I doing?');
    await botSays(page, /Your pain since your first check-in: \d+\/10 so far \(one check-in\); 0 routines done/);
    // Web Chat shows the attachment from a blob: URL it makes of the data URL, with its name as the alt text.
    const chart = page.locator('img[alt^="Chart of your pain scores: "]').last();
    await chart.waitFor();
    // Drawn, not a broken image: the PNG decoded to its full size.
    await expect(chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(640);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('progress-chart') });
    await page.close();
  });

  it('shows urgent advice apart from answers, with a button to call, and asks first when unsure', async () => {
    const page = await openPage();
    await page.goto(base);
    await botSays(page, /Hi, I.m Riley/);
    await type(page, 'want to disappear');
    await botSays(page, /Are you having thoughts of ending your life/);
    await tapSuggestion(page, 'No');
    await botSays(page, /Thank you for letting me know/);

    await type(page, 'i fell down the stairs an hour ago and my back is agony');
    await botSays(page, /after a fall, an accident or a blow/);
    const card = page.locator('.ac-adaptiveCard', { hasText: 'This needs attention now' }).last();
    await card.waitFor({ timeout: 15_000 });
    await expect(card.locator('.ac-pushButton', { hasText: 'Call 999' }).count()).resolves.toBe(1);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('2b-urgent-advice') });
    await type(page, 'ok');
    await botSays(page, /Thank you\. Please get checked before anything else/);
    await page.close();
  });

  it('reconnects to the same conversation after a page reload', async () => {
    const page = await openPage();
    await page.goto(base);
    await botSays(page, /Hi, I.m Riley/);
    await type(page, 'what is thai massage?');
    await botSays(page, /clothed/);
    await page.reload();
    // The history comes back from the same Direct Line conversation, and the chat goes on.
    await botSays(page, /clothed/);
    await type(page, 'tell me more');
    await botSays(page, /Thai/);
    await page.close();
  });

  it('puts a chat bubble on a plain clinic page that opens the assistant in an isolated panel', async () => {
    const page = await openPage();
    await page.goto(clinic.url);
    const bubble = page.getByRole('button', { name: 'Open chat with Riley' });
    await bubble.waitFor();
    // The host page's button style (hot pink, 30px) does not reach the bubble.
    const background = await bubble.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe('rgb(255, 105, 180)');
    await page.screenshot({ path: screenshotPath('4-clinic-page-closed') });

    await bubble.click();
    await expect(bubble.getAttribute('aria-expanded')).resolves.toBe('true');
    const frame = await chatFrame(page);
    await botSays(frame, /Hi, I.m Riley/);
    await type(frame, 'how often should I get a massage');
    await botSays(frame, /two weeks/);
    await page.screenshot({ path: screenshotPath('5-clinic-page-open') });

    // Keyboard: Escape (here typed in the chat's send box) closes the panel and gives focus back to the bubble.
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await bubble.getAttribute('aria-expanded')).toBe('false'));
    await eventually(async () => expect(await bubble.evaluate((element) => element.matches(':focus'))).toBe(true));
    await page.screenshot({ path: screenshotPath('5b-clinic-page-closed-again') });
    // And the bubble opens again from the keyboard.
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await bubble.getAttribute('aria-expanded')).toBe('true'));
    await page.close();
  });

  it('fills a phone screen when opened', async () => {
    const page = await openPage({ width: 375, height: 667 });
    await page.goto(clinic.url);
    await page.getByRole('button', { name: 'Open chat with Riley' }).click();
    const frame = await chatFrame(page);
    await botSays(frame, /Hi, I.m Riley/);
    const panel = page.getByRole('dialog', { name: 'Chat with Riley' });
    const box = await panel.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(370);
    expect(box?.height).toBeGreaterThanOrEqual(600);
    await page.screenshot({ path: screenshotPath('6-phone') });
    await page.close();
  });

  it('fits the plan on a phone: one line an item with its why, what to do opening when it is tapped', async () => {
    const page = await openChat(PHONE);
    await answerAssessment(page);
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Your plan' }).last();
    await card.waitFor({ timeout: 15_000 });
    const height = (await card.boundingBox())!.height;
    expect(height).toBeLessThanOrEqual(740);
    // Each line with its one line of why.
    await expect(card.getByText('The main treatment.').isVisible()).resolves.toBe(true);
    await expect(card.getByText(/^You sit about \d+ hours a day\.$/).count()).resolves.toBe(0);
    await expect(card.getByText('Breaks from sitting; Sleep and mattress; Easing stress.').isVisible()).resolves.toBe(
      true,
    );
    // The next steps under it say their whole label.
    const cut = await cutOff(card.locator('.ac-pushButton'), 360);
    expect(cut).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('9-phone-plan') });

    const advice = card.getByText(/Stand up, walk or stretch every 30 to 60 minutes/);
    await expect(advice.isVisible()).resolves.toBe(false);
    await card.locator('.ac-pushButton', { hasText: 'Everyday habits' }).click();
    await advice.waitFor({ state: 'visible' });
    await page.screenshot({ path: screenshotPath('9b-phone-plan-item-open') });
    await page.close();
  });

  it('shows every button label whole on a phone: long labels wrap instead of being cut', async () => {
    const page = await openChat(PHONE);
    const labels = page.locator('.webchat__suggested-action__text');
    await labels.first().waitFor();
    const clipped = await cutOff(labels, 360);
    expect(clipped).toEqual([]);
    await expect(labels.filter({ hasText: /physiotherapist/ }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('7-phone-buttons') });
    await page.close();
  });

  it('remembers the visitor on the device: a new tab another time carries on where they stopped, and "forget me" ends it', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const first = await context.newPage();
    await first.goto(base);
    await botSays(first, /Hi, I.m Riley/);
    await type(first, 'my back hurts, what should I do?');
    await botSays(first, 'quick safety check');
    await tapSuggestion(first, 'No, none of these');
    await botSays(first, 'How bad is the pain right now');
    await type(first, '6');
    await botSays(first, 'How long have you had this pain');
    await first.close();

    const later = await context.newPage();
    await later.goto(base);
    await botSays(later, /Welcome back! You were part-way through the questions/);
    await type(later, 'continue');
    await botSays(later, 'How long have you had this pain');

    await type(later, 'forget me');
    await botSays(later, /Delete it\?/);
    await tapSuggestion(later, 'Yes');
    await botSays(later, /deleted everything/);
    await expect(later.evaluate(() => localStorage.getItem('backcare.visitor'))).resolves.toBeNull();
    const fresh = await context.newPage();
    await fresh.goto(base);
    await botSays(fresh, /Hi, I.m Riley/);
    await context.close();
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

/** The texts of elements whose label does not fit: cut off inside (an ellipsis), or past the screen's right edge. */
function cutOff(elements: Locator, screenWidth: number): Promise<(string | null)[]> {
  return elements.evaluateAll(
    (found, width) =>
      found
        .filter(
          (element) =>
            element.getBoundingClientRect().right > width + 1 ||
            [element, ...Array.from(element.querySelectorAll('*'))].some(
              (part) => part.scrollWidth > part.clientWidth + 1,
            ),
        )
        .map((element) => element.textContent),
    screenWidth,
  );
}

/** Retries an assertion for a few seconds: the panel opens and closes through messages between frames. */
async function eventually(assertion: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await assertion();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function chatFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((candidate) => candidate.url().includes('embed=1'));
    if (frame) return frame;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the chat frame did not load');
}

describeInBrowser('the embed with default settings, on a maroon brand', () => {
  let browser: Browser;
  let app: App;
  let base: string;
  let clinic: { server: Server; url: string };

  beforeAll(async () => {
    // Nothing set but the brand colour: no WEBCHAT_ORIGINS, no names, no avatar.
    ({ browser, app, base, clinic } = await startBotAndClinic(() => ({ ACCENT_COLOR: '#7a1f3d' })));
  });
  afterAll(() => stopAll(browser, app, clinic));

  it('opens a working chat on a clinic site, with the avatar and bubbles in the brand colour', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(clinic.url);
    await page.getByRole('button', { name: 'Open chat with BackCare' }).click();
    const frame = await chatFrame(page);
    await botSays(frame, /Hi, I.m BackCare/);
    await type(frame, 'how often should I get a massage');
    await botSays(frame, /two weeks/);

    const userBubble = frame.locator('.webchat__bubble--from-user .webchat__bubble__content').last();
    await expect(userBubble.evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe(
      'rgb(122, 31, 61)',
    );
    const avatar = await (await fetch(`${base}/webchat/avatar.svg`)).text();
    expect(avatar).toContain('fill="#7a1f3d"');
    await frame.locator('img[src="/webchat/avatar.svg"]').first().waitFor();
    await page.screenshot({ path: screenshotPath('8-default-embed-maroon') });
    await page.close();
  });
});
