import { DEFAULT_BRANDING, type Branding } from './branding';

/** Text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The URL when it is absolute http(s) or site-relative, otherwise undefined: a configured link must never become
 * `javascript:`, `data:` or anything else a browser would run. Control characters and whitespace inside are refused
 * too, since browsers strip them before reading the scheme.
 */
export function safeUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed || [...trimmed].some((char) => char <= ' ' || char === '\u007f' || char === '\\')) return undefined;
  return /^(https?:\/\/|\/)/i.test(trimmed) ? trimmed : undefined;
}

/** JSON that is safe inside a <script> element: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The accent and the colours derived from it so that text drawn with them meets WCAG AA (4.5:1). */
export interface AccentPalette {
  /** The configured "#rrggbb" (lower case), or the default when it is not one. */
  accent: string;
  /** Black or white, whichever contrasts more with the accent: for text and icons on it. */
  onAccent: string;
  /** The accent, darkened just enough to be readable as text or a border on white. */
  accentText: string;
}

export function accentPalette(color: string): AccentPalette {
  const accent = normaliseHex(color) ?? DEFAULT_BRANDING.accentColor;
  const onAccent = contrast(accent, '#ffffff') >= contrast(accent, '#000000') ? '#ffffff' : '#000000';
  let accentText = accent;
  for (let amount = 0.05; contrast(accentText, '#ffffff') < 4.5 && amount <= 1; amount += 0.05)
    accentText = mix(accent, '#000000', amount);
  return { accent, onAccent, accentText };
}

/**
 * The chat page: a header with who the visitor is talking to, a safety note and the clinic's links, and the region
 * that chat.js fills with Web Chat. `embedded` is the page inside the embed bubble's iframe (?embed=1): no outer
 * margins and a compact header, since the bubble has its own title bar and close button.
 */
export function chatPageHtml(branding: Branding, embedded: boolean): string {
  const botName = branding.botName.trim() || DEFAULT_BRANDING.botName;
  const clinicName = branding.clinicName.trim() || DEFAULT_BRANDING.clinicName;
  const palette = accentPalette(branding.accentColor);
  const avatarUrl = safeUrl(branding.avatarUrl);
  const bookingUrl = safeUrl(branding.bookingUrl);
  const privacyUrl = safeUrl(branding.privacyUrl);
  const showClinic = clinicName !== botName;
  const title = showClinic ? `Chat with ${botName} — ${clinicName}` : `Chat with ${botName}`;
  const settings = {
    botName,
    accentColor: palette.accent,
    accentTextColor: palette.accentText,
    onAccentColor: palette.onAccent,
    avatarUrl: avatarUrl ?? '',
    embedded,
  };
  const newTab = '<span class="visually-hidden"> (opens in a new tab)</span>';
  const links = [
    bookingUrl && link(bookingUrl, 'Book an appointment', newTab),
    privacyUrl && link(privacyUrl, 'Privacy', newTab),
  ].filter(Boolean);
  const modeClass = embedded ? 'bc-embedded' : 'bc-standalone';

  return `<!doctype html>
<html lang="en" class="${modeClass}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light">
<meta name="theme-color" content="${palette.accent}">
<title>${escapeHtml(title)}</title>
${avatarUrl ? `<link rel="icon" href="${escapeHtml(avatarUrl)}">\n` : ''}<link rel="stylesheet" href="/webchat/chat.css">
<style>:root{--bc-accent:${palette.accent};--bc-on-accent:${palette.onAccent};--bc-accent-text:${palette.accentText}}</style>
<script id="backcare-settings" type="application/json">${scriptJson(settings)}</script>
<script src="/webchat/webchat.js" defer></script>
<script src="/webchat/chat.js" defer></script>
</head>
<body class="${modeClass}">
<header class="bc-header">
<div class="bc-identity">
${avatarUrl ? `<img class="bc-avatar" src="${escapeHtml(avatarUrl)}" alt="" width="40" height="40">\n` : ''}<div class="bc-names">
<h1 class="bc-bot-name">${escapeHtml(botName)}</h1>
${showClinic ? `<p class="bc-clinic-name">${escapeHtml(clinicName)}</p>\n` : ''}</div>
</div>
<p class="bc-note">General information, not a diagnosis. In an emergency call your local emergency number.</p>
${
  links.length > 0
    ? `<nav class="bc-links" aria-label="${escapeHtml(clinicName)} links">
<ul>
${links.map((item) => `<li>${item}</li>`).join('\n')}
</ul>
</nav>
`
    : ''
}</header>
<main class="bc-main">
<div id="webchat" role="region" aria-label="${escapeHtml(`Chat with ${botName}`)}">
<p class="bc-status" role="status">Loading the chat…</p>
<noscript><p class="bc-message">The chat needs JavaScript, which is turned off in this browser. Please turn it on and reload the page, or contact ${escapeHtml(clinicName)} directly.</p></noscript>
</div>
</main>
</body>
</html>
`;
}

function link(url: string, label: string, suffix: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}${suffix}</a>`;
}

function normaliseHex(color: string): string | undefined {
  const value = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  if (/^#[0-9a-f]{3}$/.test(value)) return `#${[...value.slice(1)].map((digit) => digit + digit).join('')}`;
  return undefined;
}

function channels(hex: string): number[] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function mix(from: string, to: string, amount: number): string {
  const target = channels(to);
  return `#${channels(from)
    .map((value, i) => Math.round(value + (target[i] - value) * Math.min(amount, 1)))
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')}`;
}
