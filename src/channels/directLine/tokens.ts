import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

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
const ISSUER = 'backcare';
const TOKEN_AUDIENCE = 'backcare-directline';
/** A visitor credential is signed with the same key for another audience: neither passes for the other. */
const VISITOR_AUDIENCE = 'backcare-visitor';
const ALGORITHM = 'HS256';

/**
 * Signed tokens in the JWT format (HS256) Direct Line clients expect, with
 * Direct Line's claim names ("conv", "user"), signed and checked with `jose`
 * (issuer, audience, expiry, not-before). Nothing is stored per token: the
 * signature proves this deployment issued it. The key is DIRECTLINE_SECRET, or
 * a random one kept in the shared store, the same for every replica.
 */
export class DirectLineTokens {
  private readonly key: Promise<Uint8Array>;

  /** `secret`: the key, or where to get it (the shared store). */
  constructor(secret: string | Promise<string> = randomBytes(32).toString('hex')) {
    this.key = Promise.resolve(secret).then((value) => new TextEncoder().encode(value));
  }

  async issue(
    conversationId: string,
    userId: string,
    now = Date.now(),
  ): Promise<{ token: string; tokenId: string; expiresIn: number }> {
    const tokenId = randomBytes(12).toString('base64url');
    const token = await this.signed(
      { conv: conversationId, user: userId },
      TOKEN_AUDIENCE,
      TOKEN_LIFETIME_SECONDS,
      now,
      tokenId,
    );
    return { token, tokenId, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  async check(token: string | undefined, now = Date.now()): Promise<TokenCheck> {
    const verified = await this.verified(token, TOKEN_AUDIENCE, now);
    if (verified === 'expired') return { ok: false, reason: 'expired' };
    const claims = verified;
    if (
      typeof claims?.conv !== 'string' ||
      typeof claims.user !== 'string' ||
      typeof claims.jti !== 'string' ||
      typeof claims.exp !== 'number'
    )
      return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      claims: { conversationId: claims.conv, userId: claims.user, tokenId: claims.jti, expiresAt: claims.exp },
    };
  }

  /**
   * What the chat page keeps on the device (localStorage) to be the same visitor in a new tab or on another day: a
   * new conversation's token is then issued to the same user, whose profile and unfinished assessment are kept.
   */
  issueVisitor(userId: string, now = Date.now()): Promise<string> {
    return this.signed({ user: userId }, VISITOR_AUDIENCE, VISITOR_LIFETIME_SECONDS, now);
  }

  /** The user a visitor credential names, if this deployment signed it and it has not expired. */
  async visitorOf(credential: string | undefined, now = Date.now()): Promise<string | undefined> {
    const claims = await this.verified(credential, VISITOR_AUDIENCE, now);
    return claims !== 'expired' && typeof claims?.user === 'string' ? claims.user : undefined;
  }

  private async signed(
    claims: JWTPayload,
    audience: string,
    lifetimeSeconds: number,
    now: number,
    tokenId?: string,
  ): Promise<string> {
    const issuedAt = Math.floor(now / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds);
    if (tokenId !== undefined) jwt.setJti(tokenId);
    return jwt.sign(await this.key);
  }

  /** The claims of a JWT this deployment signed for this audience; 'expired', or undefined for anything else. */
  private async verified(
    token: string | undefined,
    audience: string,
    now: number,
  ): Promise<JWTPayload | 'expired' | undefined> {
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        audience,
        algorithms: [ALGORITHM],
        currentDate: new Date(now),
      });
      return payload;
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : undefined;
    }
  }
}
