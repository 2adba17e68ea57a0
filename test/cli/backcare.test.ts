import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalPlan } from '../helpers';
import { backcare, env, jsonLines, ROOT } from './runBackcare';

describe('backcare kb', () => {
  it('validate exits 0 on the curated knowledge base', () => {
    const { code, stderr } = backcare(['kb', 'validate']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/knowledge base OK/);
  });

  it('validate exits 1 with one line per problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcare-cli-'));
    try {
      mkdirSync(join(dir, 'topics'));
      copyFileSync(join(ROOT, 'knowledge', 'red-flags.yaml'), join(dir, 'red-flags.yaml'));
      copyFileSync(join(ROOT, 'knowledge', 'cautions.yaml'), join(dir, 'cautions.yaml'));
      copyFileSync(join(ROOT, 'knowledge', 'safety-messages.yaml'), join(dir, 'safety-messages.yaml'));
      writeFileSync(join(dir, 'plan.yaml'), minimalPlan('a.one'));
      writeFileSync(join(dir, 'topics', 'a.one.md'), '---\nid: a.one\ntitle: One\n---\n');
      writeFileSync(join(dir, 'topics', 'a.two.md'), 'no front matter');
      const { code, stdout } = backcare(['kb', 'validate'], undefined, { KNOWLEDGE_DIR: dir });
      expect(code).toBe(1);
      const lines = stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(4);
      // The plan names a.one, which did not load.
      for (const line of lines) expect(line).toMatch(/(a\.(one|two)\.md|plan\.yaml): \S+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validate exits 1 on a broken routine, naming its file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcare-cli-'));
    try {
      mkdirSync(join(dir, 'topics'));
      mkdirSync(join(dir, 'routines'));
      writeFileSync(join(dir, 'plan.yaml'), minimalPlan('stretch.knee-to-chest'));
      copyFileSync(join(ROOT, 'knowledge', 'red-flags.yaml'), join(dir, 'red-flags.yaml'));
      copyFileSync(join(ROOT, 'knowledge', 'cautions.yaml'), join(dir, 'cautions.yaml'));
      copyFileSync(join(ROOT, 'knowledge', 'safety-messages.yaml'), join(dir, 'safety-messages.yaml'));
      writeFileSync(
        join(dir, 'topics', 'stretch.knee-to-chest.md'),
        [
          '---',
          'id: stretch.knee-to-chest',
          'title: Knee to chest',
          'questions: [How?]',
          'keywords: [knee]',
          'sources: [{ title: NHS - Back pain }]',
          '---',
          'Hug your knees.',
          '',
        ].join('\n'),
      );
      const routine = readFileSync(join(ROOT, 'knowledge', 'routines', 'knee-to-chest.yaml'), 'utf8');
      // The real routine links to a next routine missing from this folder; its copy holds a step for 0 seconds.
      expect(routine).toMatch(/^next: supine-twist$/m);
      writeFileSync(join(dir, 'routines', 'knee-to-chest.yaml'), routine);
      writeFileSync(
        join(dir, 'routines', 'knee-hug.yaml'),
        routine.replace('id: knee-to-chest', 'id: knee-hug').replace('holdSeconds: 20', 'holdSeconds: 0'),
      );
      const { code, stdout } = backcare(['kb', 'validate'], undefined, { KNOWLEDGE_DIR: dir });
      expect(code).toBe(1);
      expect(stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/knee-hug\.yaml: steps\.1\.holdSeconds: /),
        expect.stringMatching(/knee-to-chest\.yaml: next: unknown routine id "supine-twist"/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('match prints one JSON line for its argument', () => {
    const { code, stdout } = backcare(['kb', 'match', 'how often should I get a massage?']);
    expect(code).toBe(0);
    const [line] = jsonLines(stdout);
    expect(line).toEqual({
      text: 'how often should I get a massage?',
      topic: 'therapy.frequency',
      confidence: expect.any(Number),
      alternatives: expect.any(Array),
    });
    expect(line.confidence).toBeGreaterThan(0);
    expect(line.confidence).toBeLessThanOrEqual(1);
    for (const alternative of line.alternatives)
      expect(alternative).toEqual({ topic: expect.any(String), confidence: expect.any(Number) });
  });

  it('match reads standard input and prints one line per input line, in order', () => {
    const input = ['what is thai massage', 'hello there', '', 'is my mattress to blame'];
    const { code, stdout } = backcare(['kb', 'match'], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((line) => line.text)).toEqual(input);
    expect(lines.map((line) => line.topic)).toEqual(['therapy.thai', null, null, 'cause.mattress']);
  });

  it('explains its usage on an unknown command', () => {
    const { code, stderr } = backcare(['kb', 'frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: backcare/);
  });

  it('stops with one line naming a bad configuration variable', () => {
    const { code, stderr } = backcare(['kb', 'validate'], undefined, { STORAGE: 'floppy' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('backcare: STORAGE must be one of sqlite, memory, redis (got "floppy")');
  });
});

describe('backcare triage', () => {
  it('prints one JSON line for its argument', () => {
    const { code, stdout } = backcare(['triage', "I can't feel my inner thighs and I've wet myself"]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      {
        text: "I can't feel my inner thighs and I've wet myself",
        urgent: true,
        level: 'emergency',
        category: 'cauda-equina',
        check: null,
      },
    ]);
  });

  it('reads standard input and prints one line per input line, in order', () => {
    const input = [
      'no numbness and my bladder is fine',
      'chest pain spreading to my arm',
      'what does cauda equina mean?',
    ];
    const { code, stdout } = backcare(['triage'], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      { text: input[0], urgent: false, level: null, category: null, check: null },
      { text: input[1], urgent: true, level: 'emergency', category: 'cardiac', check: null },
      { text: input[2], urgent: false, level: null, category: null, check: null },
    ]);
  });

  it('gives the clarifying question when a message only might report a warning sign', () => {
    const { stdout } = backcare(['triage', 'want to disappear']);
    const [line] = jsonLines(stdout);
    expect(line).toMatchObject({ urgent: false, category: 'crisis', level: 'crisis' });
    expect(line.check).toMatch(/thoughts of ending your life/);
  });
});

describe('backcare eval triage', () => {
  it('prints recall, false alarms and misses per category for a file of labelled messages', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'backcare-eval-')), 'set.jsonl');
    const lines = [
      { text: "I can't feel my inner thighs and I've wet myself", urgent: true, flag: 'cauda-equina' },
      { text: 'chest pain spreading to my arm and i feel sick', urgent: true, flag: 'cardiac' },
      { text: 'what stretches help a stiff lower back?', urgent: false, flag: null },
    ];
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    const { code, stdout } = backcare(['eval', 'triage', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^urgent: 2\/2 caught \(100\.0%\)/m);
    expect(stdout).toMatch(/^not urgent: 0\/1 reported/m);
    expect(stdout).toMatch(/^ {2}cauda-equina +1\/1 caught/m);
  });
});

describe('backcare chat', () => {
  it('talks through the same bot and dialogs as the server', () => {
    const { code, stdout } = backcare(['chat'], 'what is thai massage\nthanks\nexit\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/BackCare: Hi, I'm BackCare/);
    expect(stdout).toMatch(/Thai massage/);
    expect(stdout).toMatch(/You can also ask:/);
    expect(stdout).toMatch(/You're welcome/);
  });
});

describe('npm start (bin/server.js)', () => {
  async function freePort(): Promise<number> {
    return new Promise((resolvePort) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolvePort(port));
      });
    });
  }

  it('refuses to start on a bad value, with one line naming the variable', () => {
    const result = spawnSync(process.execPath, ['bin/server.js'], {
      cwd: ROOT,
      env: env({ PORT: 'eighty' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'backcare: configuration error: PORT must be a whole number from 1 to 65535 (got "eighty")',
    );
  });

  it('serves, then shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/server.js'], {
      cwd: ROOT,
      env: env({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
    });
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    let logs = '';
    await new Promise<void>((ready, failed) => {
      child.stdout.on('data', (chunk: Buffer) => {
        logs += chunk.toString();
        if (logs.includes('BackCare bot listening')) ready();
      });
      child.on('exit', () => failed(new Error(`exited early: ${logs}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs).toMatch(/shutting down/);
  });
});
