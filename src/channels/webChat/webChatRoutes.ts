import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Topic } from '../../kb/loadKnowledge';
import { PROJECT_ROOT } from '../../paths';
import type { Branding } from './branding';
import { chatPageHtml } from './chatPage';
import { embedScript } from './embedScript';
import { privacyPageHtml } from './privacyPage';

export interface WebChatOptions {
  branding: Branding;
  /** Sites allowed to show the chat in a frame (besides this one). */
  allowedOrigins: string[];
  privacyTopic?: Topic;
}

interface StaticFile {
  path: string;
  type: string;
  cacheSeconds: number;
  /** Read, and compressed, on first request, then kept: start-up does not pay for the 4 MB Web Chat bundle. */
  body?: Buffer;
  gzipped?: Buffer;
}

// Served from the source tree: tsc compiles TypeScript only, and these are browser files.
const STATIC_DIR = join(PROJECT_ROOT, 'src', 'channels', 'webChat', 'static');

/**
 * The clinic website assistant: the chat page at `/` (also the iframe of the
 * embed), `/embed.js` for clinic sites, Microsoft's Web Chat bundle and our
 * own small files, all from this server: no CDN, works offline.
 */
export function registerWebChat(server: Server, options: WebChatOptions): void {
  const files = new Map<string, StaticFile>([
    ['webchat.js', { path: webChatBundle(), type: 'application/javascript; charset=utf-8', cacheSeconds: 86_400 }],
    ['chat.js', staticFile('chat.js', 'application/javascript; charset=utf-8')],
    ['chat.css', staticFile('chat.css', 'text/css; charset=utf-8')],
    ['avatar.svg', staticFile('avatar.svg', 'image/svg+xml')],
  ]);
  // A missing file is an installation fault: say so at start-up, not to the first visitor.
  for (const file of files.values()) if (!existsSync(file.path)) throw new Error(`web chat file missing: ${file.path}`);
  const frameAncestors = ["'self'", ...options.allowedOrigins].join(' ');
  const pageHeaders = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Web Chat styles itself with inline style elements; scripts and connections stay on this server.
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
      `connect-src 'self'; frame-ancestors ${frameAncestors}; base-uri 'none'; form-action 'none'; object-src 'none'`,
  };

  server.get('/', (req, res, next) => {
    const embedded = new URL(req.url ?? '/', 'http://localhost').searchParams.get('embed') === '1';
    res.sendRaw(200, chatPageHtml(options.branding, embedded), pageHeaders);
    return next();
  });
  server.get('/embed.js', (req, res, next) => {
    res.sendRaw(200, embedScript(options.branding, originOf(req)), {
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
    return next();
  });
  server.get('/privacy', (_req, res, next) => {
    res.sendRaw(200, privacyPageHtml(options.branding, options.privacyTopic), pageHeaders);
    return next();
  });
  server.get('/webchat/:file', (req, res, next) => {
    const file = files.get(req.params.file);
    if (!file) res.send(404, { error: { code: 'NotFound', message: 'no such file' } });
    else sendStatic(req, res, file);
    return next();
  });
}

function sendStatic(req: Request, res: Response, file: StaticFile): void {
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Cache-Control': `public, max-age=${file.cacheSeconds}`,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  file.body ??= readFileSync(file.path);
  if (/\bgzip\b/.test(req.header('accept-encoding') ?? '') && file.body.length > 1024) {
    file.gzipped ??= gzipSync(file.body);
    res.sendRaw(200, file.gzipped, { ...headers, 'Content-Encoding': 'gzip' });
  } else res.sendRaw(200, file.body, headers);
}

function staticFile(name: string, type: string): StaticFile {
  return { path: join(STATIC_DIR, name), type, cacheSeconds: 3600 };
}

/** The full browser bundle (with Adaptive Cards) shipped in the botframework-webchat package. */
function webChatBundle(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** Where the embed's iframe points: the origin the script was loaded from, as the browser saw it. */
function originOf(req: Request): string {
  const forwarded = req.header('x-forwarded-proto');
  const protocol = forwarded === 'https' || req.isSecure() ? 'https' : 'http';
  return `${protocol}://${req.header('host')}`;
}
