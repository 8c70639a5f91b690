/**
 * Long chains of UNION/INTERSECT/EXCEPT (issue 16, "no pathological inputs"): the parser refuses a
 * chain deeper than its limit only after building most of it, in time that grows faster than the
 * text; such a chain is told unparseable from its tokens instead, once the parser has been seen to
 * refuse a chain of that length. Shorter chains are parsed as before.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadParser, parseQuery, SET_CHAIN_PROBE, tokenizeQuery } from '../../src/sql/parser.js';
import { longestSetChain } from '../../src/sql/setChain.js';
import { templateOf } from '../../src/sql/template.js';

before(loadParser);

const chain = (n: number, member = 'SELECT a FROM t WHERE b = 1', op = 'UNION ALL') => Array(n).fill(member).join(` ${op} `);
const types = (sql: string, dialect = 'sqlite') => {
  const tokenized = tokenizeQuery(sql, dialect);
  assert.ok(tokenized.ok);
  return tokenized.tokens;
};

test('the longest chain is counted per level of parentheses and per statement', () => {
  assert.equal(longestSetChain(types('SELECT 1')), 1);
  assert.equal(longestSetChain(types(chain(5))), 5);
  assert.equal(longestSetChain(types(`SELECT * FROM (${chain(7)}) WHERE x IN (${chain(3)}) UNION SELECT 2`)), 7);
  assert.equal(longestSetChain(types(`${chain(4)}; ${chain(2)}`)), 4);
  assert.equal(longestSetChain(types(chain(3, '(SELECT 1)', 'INTERSECT'))), 3);
  // BigQuery's `* EXCEPT (col)` drops columns: no set operation.
  assert.equal(longestSetChain(types('SELECT * EXCEPT (a) FROM t EXCEPT DISTINCT SELECT * EXCEPT (b) FROM u', 'bigquery')), 2);
});

test('a chain past the parser’s depth is unparseable with a message that says why; a shorter one parses', () => {
  const long = parseQuery(chain(3 * SET_CHAIN_PROBE), 'sqlite');
  assert.equal(long.ok, false);
  assert.match(long.ok ? '' : long.error, /^nested too deeply for the parser: 3072 queries chained by UNION\/INTERSECT\/EXCEPT/);
  assert.deepEqual(templateOf(chain(3), 'sqlite'), {
    template: 'SELECT FROM WHERE = UNION ALL SELECT FROM WHERE = UNION ALL SELECT FROM WHERE =',
  });
  const parsed = templateOf(chain(500), 'sqlite');
  assert.ok('template' in parsed, 'a chain of 500 queries parses');
  // Inside its own parentheses each chain is a level of its own: two long ones side by side parse.
  assert.ok('template' in templateOf(`SELECT * FROM (${chain(400)}) AS x JOIN (${chain(400)}) AS y ON x.a = y.a`, 'sqlite'));
});

test('the check does not depend on the dialect: the parser is asked once per dialect', () => {
  for (const dialect of ['postgres', 'bigquery', 'tsql', 'oracle']) {
    const long = parseQuery(chain(SET_CHAIN_PROBE, 'SELECT 1', dialect === 'oracle' ? 'MINUS' : 'UNION'), dialect);
    assert.equal(long.ok, false, dialect);
    assert.match(long.ok ? '' : long.error, /nested too deeply/, dialect);
  }
});
