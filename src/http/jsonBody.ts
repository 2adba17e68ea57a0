import type { Request, RequestHandler, Response } from 'restify';
import { sendError } from './errors';

export interface JsonBodyLimits {
  /** Bytes on the wire, as sent (no compressed bodies are accepted, so this is also what is parsed). */
  maxBytes: number;
  /** Nesting of objects and arrays; an activity is a handful deep. */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 32;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Reads a JSON request body into memory and nothing else: no multipart, no
 * form bodies, no temporary files, no decompression (a small gzip body can
 * expand without limit). A body that is not JSON gets 415 before a byte of it
 * is read; one over the limit gets 413 as soon as the limit is passed. An
 * empty body is left undefined, for the route to decide.
 */
export function jsonBody({ maxBytes, maxDepth = DEFAULT_MAX_DEPTH }: JsonBodyLimits): RequestHandler {
  return boundedBody({
    maxBytes,
    types: JSON_TYPE,
    typeName: 'application/json',
    parse: (body) => parse(body, maxDepth),
  });
}

export interface BoundedBody {
  maxBytes: number;
  /** The content types accepted, and how to name them in a refusal. */
  types: RegExp;
  typeName: string;
  /** The body as the route reads it (req.body), or why it is refused with 400. */
  parse(body: Buffer): Parsed;
}

/** The same reading for any body a route takes whole: checked type, no compression, bounded size. */
export function boundedBody({ maxBytes, types, typeName, parse: read }: BoundedBody): RequestHandler {
  return (req: Request, res: Response, next) => {
    const length = Number(req.header('content-length') ?? 0);
    const chunked = req.header('transfer-encoding') !== undefined;
    if (!chunked && !(length > 0)) return next();

    if (!types.test(req.getContentType())) {
      return refuse(res, next, 415, 'UnsupportedMediaType', `the body must be ${typeName}`);
    }
    const encoding = req.header('content-encoding');
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      return refuse(res, next, 415, 'UnsupportedMediaType', 'compressed bodies are not accepted');
    }
    if (length > maxBytes) return refuse(res, next, 413, 'PayloadTooLarge', `the body must be under ${maxBytes} bytes`);

    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (failure?: { status: number; code: string; message: string }) => {
      if (finished) return;
      finished = true;
      req.removeListener('data', onData);
      if (failure) return refuse(res, next, failure.status, failure.code, failure.message);
      const parsed = read(Buffer.concat(chunks, received));
      if (!parsed.ok) return refuse(res, next, 400, 'BadRequest', parsed.message);
      req.body = parsed.value;
      return next();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes)
        finish({ status: 413, code: 'PayloadTooLarge', message: `the body must be under ${maxBytes} bytes` });
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('aborted', () => {
      finished = true;
    });
    req.resume();
  };
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parse(body: Buffer, maxDepth: number): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'the body is not valid JSON' };
  }
  if (depthOf(value, maxDepth) > maxDepth)
    return { ok: false, message: `the JSON is nested more than ${maxDepth} deep` };
  return { ok: true, value };
}

/** How deeply objects and arrays nest, counted without recursion and without looking past the limit. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    const inner = depth + 1;
    if (inner > limit) return inner;
    deepest = Math.max(deepest, inner);
    for (const child of Object.values(current)) stack.push({ value: child, depth: inner });
  }
  return deepest;
}

/**
 * Answers at once. The rest of a refused body is discarded as it arrives (Node reads and drops what a finished
 * response leaves unread), so a client still sending it can read the answer; the request timeout bounds how long.
 */
function refuse(res: Response, next: (value?: false) => void, status: number, code: string, message: string) {
  sendError(res, status, code, message);
  return next(false);
}
