/** n-gram filters (spec §2) on templates worked out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ngramDistribution } from '../../src/features/distribution.js';
import { isWordToken, ngramsOf } from '../../src/features/ngrams.js';

test('every kept n-gram of SELECT COUNT ( * ) FROM, worked out by hand', () => {
  assert.deepEqual(ngramsOf('SELECT COUNT ( * ) FROM', 15), [
    'SELECT',
    'SELECT COUNT',
    'SELECT COUNT ( * )',
    'SELECT COUNT ( * ) FROM',
    'COUNT',
    'COUNT ( * )',
    'COUNT ( * ) FROM',
    '( * ) FROM',
    'FROM',
  ]);
});

test('n-grams that start or end with a comma are dropped, inner commas are kept', () => {
  assert.deepEqual(ngramsOf('SELECT , FROM', 15), ['SELECT', 'SELECT , FROM', 'FROM']);
});

test('n-grams without a word token are dropped', () => {
  assert.deepEqual(ngramsOf('SELECT * / FROM', 15), [
    'SELECT',
    'SELECT *',
    'SELECT * /',
    'SELECT * / FROM',
    '* / FROM',
    '/ FROM',
    'FROM',
  ]);
});

test('parentheses must never dip below zero and must end at zero', () => {
  const grams = ngramsOf('MAX ( ) ) FROM', 15);
  assert.deepEqual(grams, ['MAX', 'MAX ( )', 'FROM']);
  assert.ok(!grams.includes(') FROM'));
  assert.ok(!grams.includes('MAX ( ) ) FROM'));
});

test('l_max bounds the n-gram length', () => {
  assert.deepEqual(ngramsOf('SELECT COUNT ( * ) FROM', 2), ['SELECT', 'SELECT COUNT', 'COUNT', 'FROM']);
  assert.deepEqual(ngramsOf('A B C', 1), ['A', 'B', 'C']);
  for (const g of ngramsOf('SELECT DISTINCT FROM JOIN ON = WHERE = AND LIKE ORDER BY DESC LIMIT', 3)) {
    assert.ok(g.split(' ').length <= 3, g);
  }
});

test('words start with a letter or underscore', () => {
  assert.ok(isWordToken('SELECT'));
  assert.ok(isWordToken('_FN'));
  for (const t of ['(', ')', ',', '*', '=', '!=', '::', '||', '->>']) assert.ok(!isWordToken(t), t);
});

test('a distribution counts each occurrence, times how often its template occurs', () => {
  const d = ngramDistribution(
    new Map([
      ['SELECT FROM', 3],
      ['SELECT , FROM', 1],
    ]),
    15,
  );
  // SELECT FROM → SELECT, SELECT FROM, FROM (×3); SELECT , FROM → SELECT, SELECT , FROM, FROM.
  assert.equal(d.counts.get('SELECT'), 4);
  assert.equal(d.counts.get('FROM'), 4);
  assert.equal(d.counts.get('SELECT FROM'), 3);
  assert.equal(d.counts.get('SELECT , FROM'), 1);
  assert.equal(d.total, 12);
});
