import { parse } from 'node:url';
import type { Request, Response } from 'restify';
import { sendError } from './errors';

/**
 * A `server.pre` handler: a request line restify cannot route (an absolute-form target such as
 * `http://[/`) gets 400 here, before restify's router parses it and throws outside any handler.
 */
export function rejectUnroutableTargets(req: Request, res: Response, next: (value?: false) => void): void {
  if (isRoutable(req.url)) return next();
  res.header('Connection', 'close');
  sendError(res, 400, 'BadRequest', 'the request target is not a valid URL');
  return next(false);
}

function isRoutable(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // The parser restify routes with, and the one our handlers read query strings with.
    parse(url);
    new URL(url, 'http://localhost');
    return true;
  } catch {
    return false;
  }
}

/**
 * The origin a browser used to reach this server, from the Host header, or undefined when that header is not a
 * plain host[:port] (anything else would be written into a script as a URL).
 */
export function requestOrigin(req: Request): string | undefined {
  const host = req.header('host') ?? '';
  const match =
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i.exec(
      host,
    );
  if (!match || (match[1] !== undefined && Number(match[1]) > 65535)) return undefined;
  const forwarded = req.header('x-forwarded-proto');
  const protocol = forwarded === 'https' || req.isSecure() ? 'https' : 'http';
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return undefined;
  }
}
