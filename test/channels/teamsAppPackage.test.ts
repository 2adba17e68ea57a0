import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import {
  manifestProblems,
  teamsAppPackage,
  TeamsPackageError,
  teamsManifest,
} from '../../src/channels/teams/teamsAppPackage';
import { backcare } from '../cli/runBackcare';
import { testConfig } from '../helpers';

const APP_ID = '2f1c8a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const CLINIC = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-used-here',
  PUBLIC_URL: 'https://backcare.riverside.example',
  TERMS_URL: '/terms',
  CLINIC_NAME: 'Riverside Physio',
  BOT_NAME: 'Spine Helper',
  ACCENT_COLOR: '#7a1f3d',
};

describe('the Teams app package', () => {
  it('holds a manifest that passes Microsoft schema, with the clinic names, colour, links and bot scopes', async () => {
    const files = unzipSync(await teamsAppPackage(testConfig(CLINIC)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as Record<string, any>;
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: APP_ID })]);
    expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.name).toEqual({ short: 'Spine Helper', full: 'Spine Helper by Riverside Physio' });
    expect(manifest.accentColor).toBe('#7A1F3D');
    expect(manifest.developer).toEqual({
      name: 'Riverside Physio',
      websiteUrl: 'https://backcare.riverside.example',
      privacyUrl: 'https://backcare.riverside.example/privacy',
      termsOfUseUrl: 'https://backcare.riverside.example/terms',
    });
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('is checked by the schema for real: a manifest Teams would refuse has problems', () => {
    const manifest = teamsManifest(testConfig(CLINIC));
    expect(manifestProblems({ ...manifest, id: 'not-a-guid' })).toEqual([expect.stringMatching(/^\/id must match/)]);
    expect(manifestProblems({ ...manifest, accentColor: 'maroon' })).not.toEqual([]);
    const { developer, ...withoutDeveloper } = manifest;
    expect(developer).toBeDefined();
    expect(manifestProblems(withoutDeveloper)).toEqual([expect.stringMatching(/developer/)]);
  });

  it('draws a 192 px colour icon on the accent colour and a 32 px outline in white on transparent', async () => {
    const files = unzipSync(await teamsAppPackage(testConfig(CLINIC)));
    const color = PNG.sync.read(Buffer.from(files['color.png']));
    expect([color.width, color.height]).toEqual([192, 192]);
    // The corner is the accent, fully opaque (Teams shows the colour icon full bleed).
    expect([...color.data.subarray(0, 4)]).toEqual([0x7a, 0x1f, 0x3d, 255]);

    const outline = PNG.sync.read(Buffer.from(files['outline.png']));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let drawn = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, alpha] = outline.data.subarray(i, i + 4);
      if (alpha === 0) continue;
      drawn++;
      expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(32 * 32 * 0.1);
    expect(drawn).toBeLessThan(32 * 32 * 0.9);
  });

  it('says which setting is missing instead of writing a package Teams would refuse', async () => {
    const without = (name: keyof typeof CLINIC) => testConfig({ ...CLINIC, [name]: '' });
    await expect(
      teamsAppPackage(testConfig({ ...CLINIC, MicrosoftAppId: '', MicrosoftAppPassword: '' })),
    ).rejects.toThrow(/set MicrosoftAppId/);
    await expect(teamsAppPackage(testConfig({ ...CLINIC, MicrosoftAppId: 'my-bot' }))).rejects.toThrow(/a GUID/);
    await expect(teamsAppPackage(without('PUBLIC_URL'))).rejects.toThrow(/set PUBLIC_URL/);
    await expect(teamsAppPackage(without('TERMS_URL'))).rejects.toThrow(TeamsPackageError);
    await expect(teamsAppPackage(testConfig({ ...CLINIC, BOT_NAME: 'A'.repeat(31) }))).rejects.toThrow(/at most 30/);
  });

  it('is written by `backcare teams package FILE`, which exits 1 with one line when a setting is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcare-teams-'));
    try {
      const file = join(dir, 'riverside.zip');
      const written = backcare(['teams', 'package', file], undefined, CLINIC);
      expect(written.code).toBe(0);
      expect(written.stdout).toContain(file);
      expect(manifestProblems(JSON.parse(strFromU8(unzipSync(readFileSync(file))['manifest.json'])))).toEqual([]);

      const refused = backcare(['teams', 'package', file], undefined, { ...CLINIC, PUBLIC_URL: '' });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(
        'backcare: set PUBLIC_URL to the https address people reach this server at (Teams needs it)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
