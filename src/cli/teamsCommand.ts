import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TeamsPackageError, teamsAppPackage } from '../channels/teams/teamsAppPackage';
import type { Config } from '../config';

/** `backcare teams package [FILE]`: the zip a Teams admin uploads (Apps > Manage your apps > Upload an app). */
export async function teamsPackageCommand(config: Config, file = 'backcare-teams.zip'): Promise<number> {
  try {
    const zip = await teamsAppPackage(config);
    const path = resolve(file);
    writeFileSync(path, zip);
    console.log(
      `Teams app package written to ${path} (${zip.length} bytes): upload it in Teams or the Teams admin centre`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof TeamsPackageError)) throw error;
    console.error(`backcare: ${error.message}`);
    return 1;
  }
}
