import { resolve } from 'node:path';
import { z } from 'zod';
import type { Branding } from './channels/webChat/branding';
import { PROJECT_ROOT } from './paths';

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export const STORAGE_KINDS = ['sqlite', 'memory', 'redis'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface Config {
  port: number;
  host: string;
  microsoftApp: {
    appId: string;
    appPassword: string;
    appType: (typeof APP_TYPES)[number];
    tenantId: string;
  };
  storage: (typeof STORAGE_KINDS)[number];
  sqlitePath: string;
  /** The SQLite file stops growing here: writes then fail calmly and /healthz says so. Unset: no limit. */
  sqliteMaxMegabytes?: number;
  /** With STORAGE=redis: where, and the prefix of every key (several deployments can share one Redis). */
  redis?: { url: string; prefix: string };
  /** How many proxies in front of this server to believe about the client's address (X-Forwarded-For). */
  trustProxy: number;
  /** Without MicrosoftAppId, /api/messages takes activities only from this machine unless this is set. */
  allowUnauthenticated: boolean;
  knowledgeDir: string;
  /** At debug or trace, logs may contain what users type; never at any other level. */
  logLevel: (typeof LOG_LEVELS)[number];
  /** Words put into the urgent advice: who to call, where to go, which crisis line. */
  urgentAdvice: { emergency: string; urgentCare: string; crisisLine: string };
  webChat: {
    branding: Branding;
    /** Sites (scheme://host[:port]) allowed to embed the chat and call the Direct Line API from a browser. */
    allowedOrigins: string[];
  };
  /** Signs Direct Line tokens; unset, a random key per start (tokens then end with the process). */
  directLineSecret?: string;
  /** The Slack app this server serves itself (without Azure); unset, none. */
  slack?: { botToken: string; signingSecret: string };
  /** What app stores (Teams) show and link to. */
  app: {
    /** Where people reach this server (https://...), for links that must be absolute; unset until deployed. */
    publicUrl?: string;
    termsUrl?: string;
    description: string;
    fullDescription: string;
  };
}

/** A bad value: one line naming the variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Country-neutral words for the numbers, used until a clinic sets its own (start-up warns about them). */
export const DEFAULT_EMERGENCY_NUMBER = 'your local emergency number';
export const DEFAULT_CRISIS_LINE = 'a crisis line or helpline in your country';

const optionalText = z.string().trim().default('');
/** A link shown on the chat page: absolute http(s), or a path on this server. */
const link = z
  .string()
  .trim()
  .regex(/^(https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/, 'must be an http(s) URL or a path starting with /');
const origins = z
  .string()
  .trim()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .refine(
    (list) => list.every((origin) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)),
    'must be a comma-separated list of origins like https://clinic.example.org (no path)',
  );

const variables = {
  PORT: z.coerce
    .number({ error: 'must be a whole number from 1 to 65535' })
    .int('must be a whole number from 1 to 65535')
    .min(1, 'must be a whole number from 1 to 65535')
    .max(65535, 'must be a whole number from 1 to 65535')
    .default(3978),
  HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(APP_TYPES, { error: `must be one of ${APP_TYPES.join(', ')}` }).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  STORAGE: z.enum(STORAGE_KINDS, { error: `must be one of ${STORAGE_KINDS.join(', ')}` }).default('sqlite'),
  SQLITE_PATH: z.string().trim().min(1, 'must not be empty').default('data/backcare.sqlite'),
  SQLITE_MAX_MB: z.coerce.number({ error: 'must be a number of megabytes' }).positive('must be above 0').optional(),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL, like redis://localhost:6379')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w.:-]{1,64}$/, 'must be up to 64 letters, digits, dots, dashes, underscores or colons')
    .default('backcare:'),
  TRUST_PROXY: z.coerce
    .number({ error: 'must be the number of proxies in front of the server (0 for none)' })
    .int('must be a whole number of proxies')
    .min(0, 'must be 0 or more')
    .max(10, 'must be at most 10')
    .default(0),
  ALLOW_UNAUTHENTICATED: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  KNOWLEDGE_DIR: z.string().trim().min(1, 'must not be empty').default(resolve(PROJECT_ROOT, 'knowledge')),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  // No country is assumed: the defaults say what to do anywhere; a clinic sets its own numbers.
  EMERGENCY_NUMBER: z.string().trim().min(1).default(DEFAULT_EMERGENCY_NUMBER),
  URGENT_CARE_ADVICE: z.string().trim().min(1).default('contact a doctor or an urgent care service today'),
  CRISIS_LINE: z.string().trim().min(1).default(DEFAULT_CRISIS_LINE),
  CLINIC_NAME: z.string().trim().min(1).max(80).default('BackCare'),
  BOT_NAME: z.string().trim().min(1).max(40).default('BackCare'),
  ACCENT_COLOR: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b6e4f')
    .default('#0b6e4f'),
  AVATAR_URL: link.default('/webchat/avatar.svg'),
  BOOKING_URL: link.optional(),
  PRIVACY_URL: link.default('/privacy'),
  WEBCHAT_ORIGINS: origins,
  DIRECTLINE_SECRET: z.string().trim().min(32, 'must be at least 32 characters').optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, "must be the app's bot token (it starts with xoxb-)")
    .optional(),
  SLACK_SIGNING_SECRET: z.string().trim().min(16, "must be the Slack app's signing secret").optional(),
  PUBLIC_URL: z
    .string()
    .trim()
    .regex(
      /^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/i,
      'must be the https origin people reach this server at, like https://backcare.clinic.example',
    )
    .transform((url) => url.replace(/\/$/, ''))
    .optional(),
  TERMS_URL: link.optional(),
  // Teams' limits: 80 characters for the short description, 4,000 for the full one.
  APP_DESCRIPTION: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .default('Lower back pain: massage, stretches, habits, and when to see a doctor'),
  APP_DESCRIPTION_FULL: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .default(
      'Answers questions about lower back pain from a curated, sourced knowledge base: massage therapies, ' +
        'self-massage, stretches, common causes, everyday habits, and when to see a doctor or physiotherapist. ' +
        'It can suggest a personal plan and walk you through techniques step by step. It screens every message ' +
        'for warning signs and says clearly when to get urgent help. General information, not a diagnosis.',
    ),
};

type Variables = { [K in keyof typeof variables]: z.infer<(typeof variables)[K]> };

/** Reads the environment once into a typed Config; throws ConfigError on the first bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = {} as Record<string, unknown>;
  for (const [name, schema] of Object.entries(variables)) {
    // An empty value means "not set": .env files often carry `NAME=` lines.
    const raw = env[name] === undefined || env[name]?.trim() === '' ? undefined : env[name];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new ConfigError(`${name} ${parsed.error.issues[0].message} (got "${raw}")`);
    }
    values[name] = parsed.data;
  }
  const v = values as Variables;

  if (v.MicrosoftAppId !== '') {
    if (v.MicrosoftAppType !== 'UserAssignedMSI' && v.MicrosoftAppPassword === '') {
      throw new ConfigError(`MicrosoftAppPassword must be set when MicrosoftAppId is set (type ${v.MicrosoftAppType})`);
    }
    if (v.MicrosoftAppType !== 'MultiTenant' && v.MicrosoftAppTenantId === '') {
      throw new ConfigError(`MicrosoftAppTenantId must be set when MicrosoftAppType is ${v.MicrosoftAppType}`);
    }
  } else if (v.MicrosoftAppPassword !== '') {
    throw new ConfigError('MicrosoftAppId must be set when MicrosoftAppPassword is set');
  }

  if (v.STORAGE === 'redis' && v.REDIS_URL === undefined)
    throw new ConfigError('REDIS_URL must be set when STORAGE is redis (for example redis://localhost:6379)');

  if ((v.SLACK_BOT_TOKEN === undefined) !== (v.SLACK_SIGNING_SECRET === undefined))
    throw new ConfigError('SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together (both from the Slack app)');

  return {
    port: v.PORT,
    host: v.HOST,
    microsoftApp: {
      appId: v.MicrosoftAppId,
      appPassword: v.MicrosoftAppPassword,
      appType: v.MicrosoftAppType,
      tenantId: v.MicrosoftAppTenantId,
    },
    storage: v.STORAGE,
    sqlitePath: resolve(v.SQLITE_PATH),
    sqliteMaxMegabytes: v.SQLITE_MAX_MB,
    redis: v.REDIS_URL === undefined ? undefined : { url: v.REDIS_URL, prefix: v.REDIS_PREFIX },
    trustProxy: v.TRUST_PROXY,
    allowUnauthenticated: v.ALLOW_UNAUTHENTICATED === 'true',
    knowledgeDir: resolve(v.KNOWLEDGE_DIR),
    logLevel: v.LOG_LEVEL,
    urgentAdvice: { emergency: v.EMERGENCY_NUMBER, urgentCare: v.URGENT_CARE_ADVICE, crisisLine: v.CRISIS_LINE },
    webChat: {
      branding: {
        clinicName: v.CLINIC_NAME,
        botName: v.BOT_NAME,
        accentColor: v.ACCENT_COLOR,
        avatarUrl: v.AVATAR_URL,
        bookingUrl: v.BOOKING_URL,
        privacyUrl: v.PRIVACY_URL,
      },
      allowedOrigins: v.WEBCHAT_ORIGINS,
    },
    directLineSecret: v.DIRECTLINE_SECRET,
    slack:
      v.SLACK_BOT_TOKEN && v.SLACK_SIGNING_SECRET
        ? { botToken: v.SLACK_BOT_TOKEN, signingSecret: v.SLACK_SIGNING_SECRET }
        : undefined,
    app: {
      publicUrl: v.PUBLIC_URL,
      termsUrl: v.TERMS_URL,
      description: v.APP_DESCRIPTION,
      fullDescription: v.APP_DESCRIPTION_FULL,
    },
  };
}
