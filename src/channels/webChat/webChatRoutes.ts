import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../../http/errors';
import { guarded } from '../../http/guarded';
import { requestOrigin } from '../../http/requestTarget';
import type { Topic } from '../../kb/loadKnowledge';
import type { Logger } from '../../logger';
import { PROJECT_ROOT } from '../../paths';
import { brandMarkSvg } from '../brandMark';
import type { Branding } from './branding';
import { chatPageHtml } from './chatPage';
import { embedScript } from './embedScript';
import { privacyPageHtml } from './privacyPage';

export interface WebChatOptions {
  branding: Branding;
  /** Sites allowed to show the chat in a frame (besides this one). */
  allowedOrigins: string[];
  privacyTopic?: Topic;
  logger: Logger;
}

interface StaticFile {
  /** Read from here, unless the body is made by the server. */
  path?: string;
  type: string;
  cacheSeconds: number;
  /** Read and compressed once, in the background from start-up (zlib's thread pool, not the event loop). */
  body?: Buffer;
  gzipped?: Buffer;
  loaded?: Promise<void>;
}

const compress = promisify(gzip);

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
    ['avatar.svg', avatar(options.branding)],
  ]);
  // A missing file is an installation fault: say so at start-up, not to the first visitor.
  for (const { path } of files.values())
    if (path !== undefined && !existsSync(path)) throw new Error(`web chat file missing: ${path}`);
  for (const file of files.values()) void load(file, options.logger);
  // The embed works on any clinic site out of the box: the framed page only talks to this server. Listing sites in
  // WEBCHAT_ORIGINS limits framing to them.
  const frameAncestors =
    options.allowedOrigins.length === 0 ? "'self' https: http:" : ["'self'", ...options.allowedOrigins].join(' ');
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

  const route = (handler: Parameters<typeof guarded>[1]) => guarded(options.logger, handler);
  server.get(
    '/',
    route((req, res) => {
      const embedded = new URL(req.url ?? '/', 'http://localhost').searchParams.get('embed') === '1';
      res.sendRaw(200, chatPageHtml(options.branding, embedded), pageHeaders);
    }),
  );
  server.get(
    '/embed.js',
    route((req, res) => {
      // The script points its frame at the origin it was loaded from, so that origin must be a real one.
      const origin = requestOrigin(req);
      if (!origin) return sendError(res, 400, 'BadRequest', 'the Host header is not a valid host');
      res.sendRaw(200, embedScript(options.branding, origin), {
        'Content-Type': 'application/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      });
    }),
  );
  server.get(
    '/privacy',
    route((_req, res) => {
      res.sendRaw(200, privacyPageHtml(options.branding, options.privacyTopic), pageHeaders);
    }),
  );
  server.get(
    '/webchat/:file',
    route((req, res) => {
      const file = files.get(req.params.file);
      if (!file) sendError(res, 404, 'NotFound', 'no such file');
      else return sendStatic(req, res, file, options.logger);
    }),
  );
}

/** Reads the file and compresses it once; until then requests wait for it (only in the first moments after start). */
function load(file: StaticFile, logger: Logger): Promise<void> {
  file.loaded ??= (async () => {
    file.body ??= await readFile(file.path!);
    if (file.body.length > 1024) file.gzipped = await compress(file.body);
  })().catch((error: unknown) => logger.error({ err: error, file: file.path }, 'could not read a web chat file'));
  return file.loaded;
}

async function sendStatic(req: Request, res: Response, file: StaticFile, logger: Logger): Promise<void> {
  await load(file, logger);
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Cache-Control': `public, max-age=${file.cacheSeconds}`,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  if (!file.body) return sendError(res, 500, 'InternalError', 'the file cannot be read');
  if (file.gzipped && /\bgzip\b/.test(req.header('accept-encoding') ?? ''))
    res.sendRaw(200, file.gzipped, { ...headers, 'Content-Encoding': 'gzip' });
  else res.sendRaw(200, file.body, headers);
}

/** The default avatar: the brand mark in the clinic's accent colour. */
function avatar(branding: Branding): StaticFile {
  const svg = brandMarkSvg({
    accentColor: branding.accentColor,
    title: branding.botName,
    background: 'circle',
    size: 64,
  });
  return { type: 'image/svg+xml', cacheSeconds: 3600, body: Buffer.from(svg) };
}

function staticFile(name: string, type: string): StaticFile {
  return { path: join(STATIC_DIR, name), type, cacheSeconds: 3600 };
}

/** The full browser bundle (with Adaptive Cards) shipped in the botframework-webchat package. */
function webChatBundle(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}
