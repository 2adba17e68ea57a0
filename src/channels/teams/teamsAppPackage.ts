import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Resvg } from '@resvg/resvg-js';
import { strToU8, zipSync } from 'fflate';
import type { Config } from '../../config';
import { VERSION } from '../../version';
import { brandMarkSvg } from '../brandMark';

/**
 * The app manifest version written, and the schema it must pass: Microsoft's, as published and as shipped in its
 * @microsoft/app-manifest package (read from there as data, offline).
 */
export const MANIFEST_VERSION = '1.19';
const SCHEMA_FILE = require.resolve(
  `@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
);

/** Teams' icon sizes: a full-colour 192 px icon, and a 32 px white outline on transparent. */
export const ICONS = { color: { file: 'color.png', size: 192 }, outline: { file: 'outline.png', size: 32 } } as const;

/** A setting the package needs is missing or does not fit Teams; the message says which and what to do. */
export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams' limits on names. */
const MAX_SHORT_NAME = 30;
const MAX_FULL_NAME = 100;

/**
 * The Teams app manifest for this bot: the Azure Bot's app id as both the app's and the bot's id, the clinic's
 * names, descriptions, accent colour and links, the bot in personal chat, group chats and teams.
 */
export function teamsManifest(config: Config): Record<string, unknown> {
  const { appId } = config.microsoftApp;
  const { botName, clinicName, accentColor, privacyUrl } = config.webChat.branding;
  const { publicUrl, termsUrl, description, fullDescription } = config.app;
  if (!GUID.test(appId))
    throw new TeamsPackageError(
      appId === ''
        ? 'set MicrosoftAppId to the app id of your Azure Bot registration first'
        : `MicrosoftAppId must be the Azure Bot's app id, a GUID (got "${appId}")`,
    );
  if (!publicUrl)
    throw new TeamsPackageError('set PUBLIC_URL to the https address people reach this server at (Teams needs it)');
  if (!termsUrl) throw new TeamsPackageError('set TERMS_URL to your terms of use (Teams shows it with the app)');
  if (botName.length > MAX_SHORT_NAME)
    throw new TeamsPackageError(
      `BOT_NAME must be at most ${MAX_SHORT_NAME} characters for Teams (got ${botName.length})`,
    );
  const absolute = (link: string) => new URL(link, `${publicUrl}/`).href;
  const fullName = `${botName} by ${clinicName}`;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: VERSION,
    id: appId,
    developer: {
      name: clinicName,
      websiteUrl: publicUrl,
      privacyUrl: absolute(privacyUrl),
      termsOfUseUrl: absolute(termsUrl),
    },
    name: { short: botName, full: clinicName === botName || fullName.length > MAX_FULL_NAME ? botName : fullName },
    description: { short: description, full: fullDescription },
    icons: { color: ICONS.color.file, outline: ICONS.outline.file },
    accentColor: accentColor.toUpperCase(),
    bots: [
      { botId: appId, scopes: ['personal', 'groupChat', 'team'], supportsFiles: false, isNotificationOnly: false },
    ],
    validDomains: [new URL(publicUrl).host],
  };
}

/** What Microsoft's schema (draft-04 JSON Schema) says is wrong with a manifest, one line per problem. */
export function manifestProblems(manifest: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  if (check(manifest)) return [];
  return (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`);
}

/**
 * The app package a Teams admin uploads: manifest.json and the two icons, drawn from the brand mark in the
 * clinic's accent colour, as a zip. Checked against Microsoft's schema before it is returned.
 */
export async function teamsAppPackage(config: Config): Promise<Uint8Array> {
  const manifest = teamsManifest(config);
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new TeamsPackageError(`the manifest does not pass Teams' schema: ${problems[0]}`);
  const { accentColor, botName } = config.webChat.branding;
  const icon = (background: 'square' | 'none', size: number) =>
    new Resvg(brandMarkSvg({ accentColor, title: botName, background, size }), {
      fitTo: { mode: 'width', value: size },
    })
      .render()
      .asPng();
  return zipSync({
    'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    [ICONS.color.file]: icon('square', ICONS.color.size),
    [ICONS.outline.file]: icon('none', ICONS.outline.size),
  });
}
