import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BRANDING, type Branding } from '../../src/channels/webChat/branding';
import {
  accentPalette,
  chatPageHtml,
  contrast,
  escapeHtml,
  safeUrl,
  scriptJson,
} from '../../src/channels/webChat/chatPage';
import { embedScript } from '../../src/channels/webChat/embedScript';
import { brandMarkSvg } from '../../src/channels/brandMark';

const STATIC_DIR = join(__dirname, '../../src/channels/webChat/static');

const riverside: Branding = {
  clinicName: 'Riverside Physio',
  botName: 'BackCare',
  accentColor: '#0b6e4f',
  avatarUrl: '/webchat/avatar.svg',
  bookingUrl: 'https://riverside.example/book',
  privacyUrl: '/privacy',
};

function settingsOf(html: string): Record<string, unknown> {
  const match = /<script id="backcare-settings" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]) as Record<string, unknown>;
}

describe('chatPageHtml', () => {
  it('is a complete HTML5 page with the title, landmarks, chat region and scripts in order', () => {
    const html = chatPageHtml(riverside, false);
    expect(html.startsWith('<!doctype html>\n<html lang="en"')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1');
    expect(html).toContain('<title>Chat with BackCare — Riverside Physio</title>');
    expect(html).toMatch(/<header[\s>]/);
    expect(html).toMatch(/<main[\s>]/);
    expect(html).toContain('<div id="webchat" role="region" aria-label="Chat with BackCare">');
    expect(html).toContain('General information, not a diagnosis. In an emergency call your local emergency number.');
    expect(html).toContain('<noscript>');
    expect(html).toContain('<link rel="stylesheet" href="/webchat/chat.css">');
    const scripts = [...html.matchAll(/<script src="([^"]+)" defer><\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/webchat/webchat.js', '/webchat/chat.js']);
    expect(html.indexOf('id="backcare-settings"')).toBeLessThan(html.indexOf('/webchat/webchat.js'));
    expect(html).toContain('href="https://riverside.example/book"');
    expect(html).toContain('>Book an appointment<');
    expect(html).toContain('href="/privacy"');
    expect(html).toContain('--bc-accent:#0b6e4f');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('escapes a malicious clinic name everywhere it appears', () => {
    const html = chatPageHtml({ ...riverside, clinicName: '<script>alert(1)</script>' }, false);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Only our own three script elements: the settings, webchat.js and chat.js.
    expect(html.match(/<script/g)).toHaveLength(3);
  });

  it('escapes a malicious bot name, including inside attributes and the settings JSON', () => {
    const name = '"><img src=x onerror=alert(1)></script><script>alert(2)</script>';
    const html = chatPageHtml({ ...riverside, botName: name }, false);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('"><img');
    expect(html).toContain(`aria-label="Chat with ${escapeHtml(name)}"`);
    const settings = settingsOf(html);
    expect(settings.botName).toBe(name);
    expect(html.match(/<script/g)).toHaveLength(3);
  });

  it('drops a javascript: booking URL and other unsafe URLs', () => {
    const html = chatPageHtml(
      {
        ...riverside,
        bookingUrl: 'javascript:alert(1)',
        privacyUrl: ' JaVaScRiPt:alert(2)',
        avatarUrl: 'data:image/svg+xml,<svg onload=alert(3)>',
      },
      false,
    );
    expect(html.toLowerCase()).not.toContain('javascript:');
    expect(html).not.toContain('data:image');
    expect(html).not.toContain('Book an appointment');
    expect(html).not.toContain('>Privacy<');
    expect(html).not.toContain('<img');
    expect(settingsOf(html).avatarUrl).toBe('');
  });

  it('keeps only http(s) and site-relative URLs', () => {
    expect(safeUrl('https://a.example/x?y=1&z=2')).toBe('https://a.example/x?y=1&z=2');
    expect(safeUrl('http://a.example')).toBe('http://a.example');
    expect(safeUrl('/privacy')).toBe('/privacy');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('java\tscript:alert(1)')).toBeUndefined();
    expect(safeUrl('/\\evil.example')).toBeUndefined();
    expect(safeUrl('mailto:a@b.example')).toBeUndefined();
    expect(safeUrl('privacy')).toBeUndefined();
    expect(safeUrl('')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
    // Escaped where used: & in a query string becomes &amp; in the attribute.
    expect(chatPageHtml({ ...riverside, bookingUrl: 'https://a.example/?a=1&b="2"' }, false)).toContain(
      'href="https://a.example/?a=1&amp;b=&quot;2&quot;"',
    );
  });

  it('puts settings in JSON that parses back and cannot close the script element', () => {
    const botName = 'Bot </script><script>alert(1)</script> <!-- \u2028 -->';
    const html = chatPageHtml({ ...riverside, botName }, true);
    const match = /<script id="backcare-settings" type="application\/json">([\s\S]*?)<\/script>/.exec(html)!;
    expect(match[1]).not.toMatch(/<\/script/i);
    expect(match[1]).not.toContain('<');
    expect(settingsOf(html)).toEqual({
      botName,
      accentColor: '#0b6e4f',
      accentTextColor: '#0b6e4f',
      onAccentColor: '#ffffff',
      avatarUrl: '/webchat/avatar.svg',
      embedded: true,
    });
    expect(JSON.parse(scriptJson({ a: '</script>&' }))).toEqual({ a: '</script>&' });
  });

  it('marks the embedded page and the standalone page apart', () => {
    const standalone = chatPageHtml(riverside, false);
    const embedded = chatPageHtml(riverside, true);
    expect(standalone).toContain('<html lang="en" class="bc-standalone">');
    expect(embedded).toContain('<html lang="en" class="bc-embedded">');
    expect(settingsOf(standalone).embedded).toBe(false);
    expect(settingsOf(embedded).embedded).toBe(true);
    // The bubble has the close button; the page inside it has none.
    expect(embedded).not.toMatch(/<button/);
  });

  it('renders the defaults, with no repeated name and no booking link', () => {
    const html = chatPageHtml({ ...DEFAULT_BRANDING }, false);
    expect(html).toContain('<title>Chat with BackCare</title>');
    expect(html).not.toContain('Book an appointment');
    expect(html).toContain('src="/webchat/avatar.svg"');
  });

  it('falls back to the default accent for anything but a hex colour, so nothing reaches the CSS raw', () => {
    const html = chatPageHtml({ ...riverside, accentColor: 'red;}</style><script>alert(1)</script>' }, false);
    expect(html).toContain('--bc-accent:#0b6e4f');
    expect(html).not.toContain('alert(1)');
    expect(accentPalette('#ABC').accent).toBe('#aabbcc');
  });

  it('picks text colours with at least 4.5:1 contrast for any accent', () => {
    for (const color of ['#0b6e4f', '#ffd400', '#808080', '#ffffff', '#000000', '#e91e63', '#7fdbff']) {
      const { accent, onAccent, accentText } = accentPalette(color);
      expect(contrast(accent, onAccent)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(accentText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    expect(accentPalette('#ffd400').onAccent).toBe('#000000');
    expect(accentPalette('#0b6e4f').accentText).toBe('#0b6e4f');
  });
});

describe('embedScript', () => {
  const code = embedScript({ ...riverside, botName: 'Bob "the" Bot' }, 'https://bot.example.org');

  it('parses as JavaScript', () => {
    expect(() => new Function(code)).not.toThrow();
  });

  it('points a lazily created iframe at the chat page in embed mode', () => {
    expect(code).toContain(JSON.stringify('https://bot.example.org/?embed=1'));
    expect(code).toContain("frame = element('iframe'");
    expect(code).toContain("mode: 'open'");
    expect(code).toContain('2147483000');
  });

  it('carries branding only as JSON string literals', () => {
    expect(code).toContain(JSON.stringify('Bob "the" Bot'));
    expect(code).not.toContain('Bob "the" Bot"');
    const hostile = embedScript(
      { ...riverside, botName: "'); alert(1); ('</script>", accentColor: 'red; } * { display:none' },
      'https://bot.example.org/',
    );
    expect(() => new Function(hostile)).not.toThrow();
    const literal = /var CONFIG = (.*);\n/.exec(hostile)![1];
    expect(literal).not.toContain('</');
    expect(JSON.parse(literal).botName).toBe("'); alert(1); ('</script>");
    expect(hostile).not.toContain('display:none');
    expect(hostile).toContain('"botName":"\');');
  });

  it('is guarded so that loading it twice adds one bubble', () => {
    expect(code).toMatch(/if \(typeof window === 'undefined' \|\| window\.__backcareEmbed\) return;/);
    expect(code).toContain('window.__backcareEmbed = api;');
  });

  it('runs as a no-op where there is no browser, and once per page where there is', () => {
    expect(() => new Function(code)()).not.toThrow();
    const appended: unknown[] = [];
    const fakeWindow: Record<string, unknown> = {};
    const fakeDocument = { body: { appendChild: (node: unknown) => appended.push(node) }, createElement: () => ({}) };
    const run = new Function('window', 'document', code);
    run(fakeWindow, fakeDocument);
    const first = fakeWindow.__backcareEmbed;
    expect(first).toBeDefined();
    run(fakeWindow, fakeDocument);
    expect(fakeWindow.__backcareEmbed).toBe(first);
  });

  it('refuses an origin that is not http(s)', () => {
    expect(() => embedScript(riverside, 'javascript:alert(1)')).toThrow();
    expect(() => embedScript(riverside, 'not a url')).toThrow();
  });
});

describe('static files', () => {
  it('chat.js is plain browser JavaScript that parses', () => {
    const source = readFileSync(join(STATIC_DIR, 'chat.js'), 'utf8');
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("'/tokens/generate'");
    expect(source).toContain("'/tokens/refresh'");
    expect(source).not.toMatch(/console\.log/);
  });
});

describe('brandMarkSvg', () => {
  it('draws the avatar in the accent colour, titled with the bot name, with a glyph that contrasts', () => {
    const maroon = brandMarkSvg({ accentColor: '#7a1f3d', title: 'Spine <Help>', background: 'circle', size: 64 });
    expect(maroon).toContain('<circle cx="32" cy="32" r="32" fill="#7a1f3d"/>');
    expect(maroon).toMatch(/<title[^>]*>Spine &lt;Help&gt;<\/title>/);
    expect(maroon).toContain('<g fill="#ffffff">');
    expect(brandMarkSvg({ accentColor: '#ffe14d', title: 'B', background: 'square', size: 192 })).toContain(
      '<g fill="#000000">',
    );
  });

  it('draws the outline alone in white on transparent', () => {
    const outline = brandMarkSvg({ accentColor: '#7a1f3d', title: 'B', background: 'none', size: 32 });
    expect(outline).not.toMatch(/<circle|<rect width="64"|#7a1f3d/);
    expect(outline).toContain('<g fill="#ffffff">');
  });
});
