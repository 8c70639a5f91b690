/**
 * The domain-transfer guide (docs/domain-transfer.md) runs as written: every `sh` block's command is
 * run with the built CLI from the repository root, must succeed, and must print every line of the
 * `text` block that follows it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { ROOT, SHARED, sharedOrSkip } from '../helpers/paths.js';

const guide = readFileSync(join(ROOT, 'docs', 'domain-transfer.md'), 'utf8');
const blocks = [...guide.matchAll(/```sh\n([\s\S]*?)```\s*\n```text\n([\s\S]*?)```/g)].map((m) => ({
  command: (m[1] as string).trim(),
  expected: (m[2] as string).split('\n').filter((l) => l.trim() !== ''),
}));

/** Shell words: spaces separate, double quotes group (enough for the guide's commands). */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

/** The guide names the public data as `data/…` (each set as its publisher ships it): here, the shared copy. */
const onSharedData = (arg: string) => arg.replace(/(^|=)data\//, `$1${SHARED}/data/`);

describe('the domain-transfer guide', sharedOrSkip(), () => {
  test('has commands to check', () => assert.ok(blocks.length >= 4));
  for (const { command, expected } of blocks) {
    test(command.slice(0, 120), async () => {
      const [npx, tool, ...args] = words(command);
      assert.equal(`${npx} ${tool}`, 'npx sqlalign');
      const run = await runCli(args.map(onSharedData));
      assert.equal(run.code, 0, run.stderr);
      for (const line of expected) assert.ok(run.stdout.includes(line.trim()), `missing from the output: ${line}`);
    });
  }
});
