import { parse as parseYaml } from 'yaml';

export interface FrontMatterDocument {
  data: unknown;
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits `---\nyaml\n---\nbody`. Throws with a plain message when the block is missing or the YAML is broken. */
export function parseFrontMatter(text: string): FrontMatterDocument {
  const found = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!found) throw new Error('front matter: the file must start with a "---" block');
  try {
    return { data: parseYaml(found[1]), body: found[2] };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`front matter: invalid YAML (${reason})`);
  }
}
