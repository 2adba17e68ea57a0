import type { Topic } from '../../kb/loadKnowledge';
import type { Branding } from './branding';
import { escapeHtml } from './chatPage';

/**
 * The privacy notice the chat links to by default: the knowledge base's own
 * privacy topic, so the page and the bot say the same thing.
 */
export function privacyPageHtml(branding: Branding, topic: Topic | undefined): string {
  const body = topic
    ? markdownToHtml([topic.answer, topic.more ?? ''].join('\n\n'))
    : '<p>No privacy notice is set.</p>';
  const names = branding.botName === branding.clinicName ? [branding.botName] : [branding.botName, branding.clinicName];
  const title = `Privacy: ${escapeHtml(names.join(', '))}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/webchat/chat.css">
</head>
<body class="privacy-page">
<main>
<h1>${title}</h1>
${body}
<p><a href="/">Back to the chat</a></p>
</main>
</body>
</html>
`;
}

/** The little Markdown the topics use: paragraphs, "- " lists and **bold**. Everything is escaped first. */
function markdownToHtml(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith('<!--'))
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => line.startsWith('- ')))
        return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`;
      return `<p>${inline(lines.join(' '))}</p>`;
    })
    .join('\n');
}

function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}
