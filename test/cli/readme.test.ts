/**
 * The command line matches its README: every option of the README's synopsis exists in that
 * command's --help, and every option of a command's --help is in the synopsis.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const COMMANDS = ['templates', 'align', 'profile', 'eval', 'select', 'compare', 'study', 'predict', 'count', 'copy-db', 'sets'];

function synopsis(): Map<string, Set<string>> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('## Commands');
  const block = readme.slice(readme.indexOf('```', at) + 3, readme.indexOf('```', readme.indexOf('```', at) + 3));
  const out = new Map<string, Set<string>>();
  let current = '';
  for (const line of block.split('\n')) {
    const command = /^npx sqlalign ([\w-]+)/.exec(line);
    if (command) current = command[1] as string;
    if (!current) continue;
    const options = out.get(current) ?? new Set<string>();
    for (const m of line.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)) options.add(m[0]);
    out.set(current, options);
  }
  return out;
}

const helpOptions = (text: string) =>
  new Set([...text.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1] as string).filter((o) => o !== '--help'));

test('the README synopsis and each command’s --help list the same options', async () => {
  const documented = synopsis();
  assert.deepEqual([...documented.keys()].sort(), [...COMMANDS].sort());
  for (const command of COMMANDS) {
    const run = await runCli([command, '--help']);
    assert.equal(run.code, 0, run.stderr);
    const help = helpOptions(run.stdout);
    const readme = documented.get(command) ?? new Set<string>();
    assert.deepEqual(
      [...readme].filter((o) => !help.has(o)),
      [],
      `${command}: in the README, not in --help`,
    );
    assert.deepEqual(
      [...help].filter((o) => !readme.has(o)),
      [],
      `${command}: in --help, not in the README`,
    );
  }
});
