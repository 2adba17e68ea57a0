import type { Request } from 'restify';

/**
 * The address of the client as the nearest trusted proxy saw it. With
 * `trustedProxies` 0 (the default) it is the socket's peer and X-Forwarded-For
 * is ignored (anyone can write it). With n, the n hops nearest this server are
 * trusted proxies: the client is the address the outermost of them added,
 * counted from the right of X-Forwarded-For; anything further left is the
 * client's own claim and is not believed.
 */
export function clientAddress(req: Request, trustedProxies: number): string {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const forwarded = (req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  // Nearest first: the peer, then each address the proxies added, right to left.
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(trustedProxies, chain.length - 1)];
}
