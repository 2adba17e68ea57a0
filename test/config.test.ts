import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('has defaults for local use: port 3978, SQLite under ./data, no authentication', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.storage).toBe('sqlite');
    expect(config.sqlitePath).toBe(resolve('data/backcare.sqlite'));
    expect(config.microsoftApp.appId).toBe('');
    expect(config.logLevel).toBe('info');
    expect(config.urgentAdvice.emergency).toBe('your local emergency number');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      STORAGE: 'redis',
      SQLITE_PATH: '/tmp/x.sqlite',
      REDIS_URL: 'redis://redis.internal:6379',
      REDIS_PREFIX: 'clinic-a:',
      TRUST_PROXY: '1',
      ALLOW_UNAUTHENTICATED: 'true',
      KNOWLEDGE_DIR: '/tmp/kb',
      LOG_LEVEL: 'debug',
      EMERGENCY_NUMBER: '999',
      URGENT_CARE_ADVICE: 'call NHS 111 or your GP today',
      CRISIS_LINE: 'Samaritans on 116 123',
      CLINIC_NAME: 'Riverside Physio',
      BOT_NAME: 'Riley',
      ACCENT_COLOR: '#24435c',
      AVATAR_URL: 'https://clinic.example.org/riley.png',
      BOOKING_URL: 'https://clinic.example.org/book',
      PRIVACY_URL: 'https://clinic.example.org/privacy',
      WEBCHAT_ORIGINS: 'https://clinic.example.org, https://www.clinic.example.org',
      DIRECTLINE_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://backcare.clinic.example.org/',
      TERMS_URL: '/terms',
      APP_DESCRIPTION: 'Back care from Riverside',
      APP_DESCRIPTION_FULL: 'Riley answers questions about lower back pain.',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      microsoftApp: { appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' },
      storage: 'redis',
      redis: { url: 'redis://redis.internal:6379', prefix: 'clinic-a:' },
      trustProxy: 1,
      allowUnauthenticated: true,
      sqlitePath: '/tmp/x.sqlite',
      knowledgeDir: '/tmp/kb',
      logLevel: 'debug',
      urgentAdvice: {
        emergency: '999',
        urgentCare: 'call NHS 111 or your GP today',
        crisisLine: 'Samaritans on 116 123',
      },
      webChat: {
        branding: {
          clinicName: 'Riverside Physio',
          botName: 'Riley',
          accentColor: '#24435c',
          avatarUrl: 'https://clinic.example.org/riley.png',
          bookingUrl: 'https://clinic.example.org/book',
          privacyUrl: 'https://clinic.example.org/privacy',
        },
        allowedOrigins: ['https://clinic.example.org', 'https://www.clinic.example.org'],
      },
      directLineSecret: 'x'.repeat(40),
      app: {
        publicUrl: 'https://backcare.clinic.example.org',
        termsUrl: '/terms',
        description: 'Back care from Riverside',
        fullDescription: 'Riley answers questions about lower back pain.',
      },
    });
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' }).port).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 1 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be a whole number/],
    [{ PORT: '80.5' }, /^PORT must be a whole number/],
    [{ STORAGE: 'mongo' }, /^STORAGE must be one of sqlite, memory, redis \(got "mongo"\)$/],
    [{ STORAGE: 'redis' }, /^REDIS_URL must be set when STORAGE is redis/],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be the number of proxies/],
    [{ ALLOW_UNAUTHENTICATED: 'yes' }, /^ALLOW_UNAUTHENTICATED must be true or false/],
    [{ PUBLIC_URL: 'http://backcare.example' }, /^PUBLIC_URL must be the https origin/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 'x'.repeat(32) }, /^SLACK_BOT_TOKEN must be/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-3' }, /^SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together/],
    [{ APP_DESCRIPTION: 'x'.repeat(81) }, /^APP_DESCRIPTION /],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of/],
    [{ MicrosoftAppType: 'Tenantless' }, /^MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI/],
    [{ MicrosoftAppId: 'app' }, /^MicrosoftAppPassword must be set when MicrosoftAppId is set/],
    [{ MicrosoftAppPassword: 'secret' }, /^MicrosoftAppId must be set when MicrosoftAppPassword is set$/],
    [
      { MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' },
      /^MicrosoftAppTenantId must be set/,
    ],
    [{ ACCENT_COLOR: 'green' }, /^ACCENT_COLOR must be a colour like #0b6e4f/],
    [{ BOOKING_URL: 'javascript:alert(1)' }, /^BOOKING_URL must be an http\(s\) URL or a path/],
    [
      { WEBCHAT_ORIGINS: 'https://clinic.example.org/page' },
      /^WEBCHAT_ORIGINS must be a comma-separated list of origins/,
    ],
    [{ DIRECTLINE_SECRET: 'short' }, /^DIRECTLINE_SECRET must be at least 32 characters/],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
