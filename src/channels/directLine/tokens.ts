import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token grants: one conversation, as one user, until it expires. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Which token of the conversation this is: a refresh issues a new one and the old one stops working. */
  tokenId: string;
  /** Seconds since 1970. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** Direct Line tokens last 30 minutes; Web Chat refreshes them every 15. */
export const TOKEN_LIFETIME_SECONDS = 30 * 60;
/** How long a device is remembered without a visit: each visit renews it. */
export const VISITOR_LIFETIME_SECONDS = 180 * 24 * 60 * 60;
const TOKEN_ISSUER = 'backcare-directline';
/** A visitor credential is signed with the same key but another issuer: neither passes for the other. */
const VISITOR_ISSUER = 'backcare-visitor';

/**
 * Signed tokens in the JWT format (HS256) Direct Line clients expect, with
 * Direct Line's claim names ("conv", "user"). Nothing is stored: the
 * signature proves the server issued the token and nobody changed the
 * conversation or user in it.
 */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(secret: string = randomBytes(32).toString('hex')) {
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(
    conversationId: string,
    userId: string,
    now = Date.now(),
  ): { token: string; tokenId: string; expiresIn: number } {
    const issuedAt = Math.floor(now / 1000);
    const tokenId = randomBytes(12).toString('base64url');
    const token = this.signed({
      iss: TOKEN_ISSUER,
      conv: conversationId,
      user: userId,
      jti: tokenId,
      iat: issuedAt,
      exp: issuedAt + TOKEN_LIFETIME_SECONDS,
    });
    return { token, tokenId, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  check(token: string | undefined, now = Date.now()): TokenCheck {
    const claims = this.verified(token);
    if (
      claims?.iss !== TOKEN_ISSUER ||
      typeof claims.conv !== 'string' ||
      typeof claims.user !== 'string' ||
      typeof claims.jti !== 'string' ||
      typeof claims.exp !== 'number'
    )
      return { ok: false, reason: 'invalid' };
    if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      claims: { conversationId: claims.conv, userId: claims.user, tokenId: claims.jti, expiresAt: claims.exp },
    };
  }

  /**
   * What the chat page keeps on the device (localStorage) to be the same visitor in a new tab or on another day: a
   * new conversation's token is then issued to the same user, whose profile and unfinished assessment are kept.
   */
  issueVisitor(userId: string, now = Date.now()): string {
    const issuedAt = Math.floor(now / 1000);
    return this.signed({ iss: VISITOR_ISSUER, user: userId, iat: issuedAt, exp: issuedAt + VISITOR_LIFETIME_SECONDS });
  }

  /** The user a visitor credential names, if this server signed it and it has not expired. */
  visitorOf(credential: string | undefined, now = Date.now()): string | undefined {
    const claims = this.verified(credential);
    if (claims?.iss !== VISITOR_ISSUER || typeof claims.user !== 'string' || typeof claims.exp !== 'number')
      return undefined;
    return claims.exp * 1000 > now ? claims.user : undefined;
  }

  /** The claims as a signed JWT (HS256). */
  private signed(claims: object): string {
    const content = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${content}.${this.sign(content)}`;
  }

  /** The claims of a JWT this server signed, or undefined for anything else. */
  private verified(token: string | undefined): Record<string, unknown> | undefined {
    const parts = token?.split('.') ?? [];
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return decode(payload);
  }

  private sign(content: string): string {
    return createHmac('sha256', this.key).update(content).digest('base64url');
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
