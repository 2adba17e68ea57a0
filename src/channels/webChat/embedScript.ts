import { DEFAULT_BRANDING, type Branding } from './branding';
import { accentPalette, scriptJson } from './chatPage';

/**
 * The script served at GET /embed.js, which a clinic pastes into its own site:
 *
 *     <script src="https://bot.example.org/embed.js" defer></script>
 *
 * It adds a chat button at the bottom right and a panel holding the chat page (`${botOrigin}/?embed=1`) in an iframe
 * that is only created when the visitor first opens it. Everything lives in a shadow root, so the host page's
 * CSS cannot restyle it and its CSS cannot leak out. Branding reaches the code only as one JSON literal, and reaches
 * the page only through textContent and setAttribute, never as markup.
 *
 * `botOrigin` is the origin the script was requested from (scheme://host[:port]).
 */
export function embedScript(branding: Branding, botOrigin: string): string {
  const origin = new URL(botOrigin).origin;
  if (!/^https?:\/\//.test(origin)) throw new TypeError(`botOrigin must be an http(s) origin (got "${botOrigin}")`);
  const palette = accentPalette(branding.accentColor);
  const config = {
    botName: branding.botName.trim() || DEFAULT_BRANDING.botName,
    accent: palette.accent,
    onAccent: palette.onAccent,
    chatUrl: `${origin}/?embed=1`,
    origin,
  };
  return `/* BackCare chat bubble. Paste <script src="${origin}/embed.js" defer></script> into a page to add it. */
(function () {
  'use strict';
  if (typeof window === 'undefined' || window.__backcareEmbed) return;
  var CONFIG = ${scriptJson(config)};
${RUNTIME}})();
`;
}

/** The browser side: ES2017, DOM APIs only (no innerHTML, so it also runs under Trusted Types). */
const RUNTIME = String.raw`
  var api = { version: 1 };
  window.__backcareEmbed = api;
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var hex = /^#[0-9a-f]{6}$/i;
  var accent = hex.test(CONFIG.accent) ? CONFIG.accent : '#0b6e4f';
  var onAccent = hex.test(CONFIG.onAccent) ? CONFIG.onAccent : '#ffffff';
  var botName = String(CONFIG.botName);

  var CSS = [
    ':host { all: initial !important; display: block !important; position: fixed !important;',
    '  right: 0 !important; bottom: 0 !important; width: 0 !important; height: 0 !important;',
    '  margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important;',
    '  visibility: visible !important; opacity: 1 !important; transform: none !important;',
    '  z-index: 2147483000 !important; }',
    '.root { --accent: ' + accent + '; --on-accent: ' + onAccent + ';',
    '  font: 400 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;',
    '  color: #1b1f1d; -webkit-font-smoothing: antialiased; }',
    '*, *::before, *::after { box-sizing: border-box; }',
    'button { font: inherit; margin: 0; }',
    '[hidden] { display: none !important; }',
    '.launcher { position: fixed; right: max(20px, env(safe-area-inset-right)); bottom: max(20px, env(safe-area-inset-bottom));',
    '  display: flex; align-items: center; justify-content: center; width: 56px; height: 56px; padding: 0;',
    '  border: 0; border-radius: 50%; background: var(--accent); color: var(--on-accent); cursor: pointer;',
    '  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.28); outline: 2px solid transparent; }',
    '.launcher svg { width: 28px; height: 28px; fill: currentColor; pointer-events: none; }',
    '.launcher:focus-visible { box-shadow: 0 0 0 3px #ffffff, 0 0 0 6px #1b1f1d; }',
    '.panel { position: fixed; right: max(20px, env(safe-area-inset-right)); bottom: calc(max(20px, env(safe-area-inset-bottom)) + 68px);',
    '  display: flex; flex-direction: column; width: min(380px, calc(100vw - 40px));',
    '  height: min(600px, calc(100vh - 108px)); height: min(600px, calc(100dvh - 108px));',
    '  overflow: hidden; background: #ffffff; border-radius: 16px; box-shadow: 0 10px 36px rgba(0, 0, 0, 0.3); }',
    '.bar { flex: none; display: flex; align-items: center; justify-content: space-between; gap: 8px;',
    '  min-height: 52px; padding: 4px 4px 4px 16px; background: var(--accent); color: var(--on-accent); }',
    '.title { margin: 0; font-size: 16px; font-weight: 600; line-height: 1.3; overflow: hidden;',
    '  text-overflow: ellipsis; white-space: nowrap; }',
    '.close { flex: none; display: flex; align-items: center; justify-content: center; width: 44px; height: 44px;',
    '  padding: 0; border: 0; border-radius: 50%; background: transparent; color: inherit; cursor: pointer;',
    '  outline: 2px solid transparent; }',
    '.close svg { width: 20px; height: 20px; fill: none; stroke: currentColor; stroke-width: 2.5;',
    '  stroke-linecap: round; pointer-events: none; }',
    '.close:hover { background: rgba(127, 127, 127, 0.25); }',
    '.close:focus-visible { outline: 3px solid currentColor; outline-offset: -4px; }',
    '.frame { flex: 1 1 auto; display: block; width: 100%; min-height: 0; border: 0; background: #ffffff; }',
    '@media (max-width: 480px) {',
    '  .panel { top: 0; left: 0; right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }',
    '  .root.open .launcher { display: none; }',
    '}',
    '@media (prefers-reduced-motion: no-preference) {',
    '  .launcher { transition: transform 0.15s ease-out; }',
    '  .launcher:hover { transform: scale(1.06); }',
    '  .panel.opening { animation: backcare-in 0.18s ease-out; }',
    '  @keyframes backcare-in { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }',
    '}',
    '@media (forced-colors: active) { .launcher, .panel { border: 2px solid CanvasText; } }',
  ].join('\n');

  function element(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function icon(paths) {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    paths.forEach(function (d) {
      var path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    });
    return svg;
  }

  function styles(root) {
    try {
      if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
        // A constructed sheet is not an inline <style>, so a host page's CSP style-src does not block it.
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
        return;
      }
    } catch (unsupported) {
      api.stylesFallback = String(unsupported && unsupported.name);
    }
    var style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }

  function mount() {
    if (api.open || !document.body) return;
    var host = document.createElement('backcare-chat');
    if (typeof host.attachShadow !== 'function') return;
    var shadow = host.attachShadow({ mode: 'open' });
    styles(shadow);

    var root = element('div', { class: 'root' });
    var panelId = 'backcare-panel';
    var launcher = element('button', {
      type: 'button',
      class: 'launcher',
      'aria-label': 'Open chat with ' + botName,
      'aria-expanded': 'false',
      'aria-controls': panelId,
    });
    launcher.appendChild(
      icon([
        'M12 3C6.5 3 2 6.6 2 11c0 2.3 1.2 4.4 3.2 5.8L4.5 21l4.3-2.4c1 .3 2.1.4 3.2.4 5.5 0 10-3.6 10-8s-4.5-8-10-8z',
      ]),
    );

    var panel = element('div', {
      id: panelId,
      class: 'panel',
      role: 'dialog',
      'aria-label': 'Chat with ' + botName,
      'aria-modal': 'false',
    });
    panel.hidden = true;
    var bar = element('div', { class: 'bar' });
    var title = element('h2', { class: 'title' });
    title.textContent = botName;
    var close = element('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' });
    close.appendChild(icon(['M6 6l12 12M18 6L6 18']));
    bar.appendChild(title);
    bar.appendChild(close);
    panel.appendChild(bar);
    root.appendChild(panel);
    root.appendChild(launcher);
    shadow.appendChild(root);

    var frame = null;
    var frameLoaded = false;
    var isOpen = false;

    function open() {
      if (isOpen) return;
      isOpen = true;
      if (!frame) {
        // Created on first open: until then the chat costs the host page nothing.
        frame = element('iframe', { class: 'frame', title: 'Chat with ' + botName, allow: 'clipboard-write' });
        frame.addEventListener('load', function () {
          frameLoaded = true;
        });
        frame.src = CONFIG.chatUrl;
        panel.appendChild(frame);
      }
      panel.hidden = false;
      panel.classList.add('opening');
      root.classList.add('open');
      launcher.setAttribute('aria-expanded', 'true');
      frame.focus();
      if (frameLoaded && frame.contentWindow) frame.contentWindow.postMessage({ type: 'backcare:focus' }, CONFIG.origin);
    }

    function hide() {
      if (!isOpen) return;
      isOpen = false;
      panel.hidden = true;
      panel.classList.remove('opening');
      root.classList.remove('open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    launcher.addEventListener('click', function () {
      if (isOpen) hide();
      else open();
    });
    close.addEventListener('click', hide);
    shadow.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && isOpen) {
        event.preventDefault();
        hide();
      }
    });
    // Escape pressed inside the chat page, which Web Chat did not use for itself.
    window.addEventListener('message', function (event) {
      if (!frame || event.source !== frame.contentWindow || event.origin !== CONFIG.origin) return;
      if (event.data && event.data.type === 'backcare:close') hide();
    });

    document.body.appendChild(host);
    api.open = open;
    api.close = hide;
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
`;
