/** The profile's construct counts and template lengths on hand-made templates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TemplateCounter } from '../../src/features/distribution.js';
import { profileQuerySet } from '../../src/features/profile.js';
import { renderProfileText } from '../../src/report/profileText.js';

test('constructs are told apart: a subquery is not a UNION, SELECT * is not arithmetic', () => {
  const templates = new TemplateCounter();
  templates.add('SELECT COUNT ( * ) FROM UNION SELECT FROM', 2);
  templates.add('SELECT FROM WHERE IN ( SELECT FROM )', 1);
  templates.add('SELECT * FROM', 3);
  templates.add('SELECT / FROM JOIN ON = GROUP BY ORDER BY DESC LIMIT', 4);
  const p = profileQuerySet(
    { name: 'x', path: 'x', queries: 10, unparseable: 0, unparseableExamples: [], templates, examples: new Map() },
    15,
  );
  const share = (name: string) => p.constructs.find((c) => c.construct === name)?.queries;
  assert.equal(share('subquery'), 1);
  assert.equal(share('set operation'), 2);
  assert.equal(share('arithmetic'), 4);
  assert.equal(share('JOIN'), 4);
  assert.equal(share('aggregate'), 2);
  assert.equal(p.distinctTemplates, 4);
  assert.equal(p.topTemplates[0]?.template, 'SELECT / FROM JOIN ON = GROUP BY ORDER BY DESC LIMIT');
  assert.deepEqual([p.templateLength.min, p.templateLength.max], [3, 12]);
  assert.equal(
    p.templateLength.histogram.reduce((s, h) => s + h.queries, 0),
    10,
  );
});

test('the text report cuts a very long template to one line; the profile keeps it whole', () => {
  const templates = new TemplateCounter();
  const long = `SELECT FROM WHERE IN ( ${', '.repeat(5000)})`;
  templates.add(long, 1);
  const p = profileQuerySet(
    { name: 'x', path: 'x', queries: 1, unparseable: 0, unparseableExamples: [], templates, examples: new Map() },
    15,
  );
  assert.equal(p.topTemplates[0]?.template, long);
  const text = renderProfileText(p);
  const row = text.split('\n').find((line) => line.includes('SELECT FROM WHERE IN'));
  assert.ok(row?.endsWith('…') && row.length < 260, row?.slice(0, 80));
});
