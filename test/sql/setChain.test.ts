/**
 * Long chains of UNION/INTERSECT/EXCEPT (issue 16, "no pathological inputs"): the parser refuses a
 * chain deeper than its limit only after building most of it, in time that grows faster than the
 * text; such a chain is told unparseable from its tokens instead, once the parser has been seen to
 * refuse a chain of that length. Shorter chains are parsed as before.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser, parseQuery, SET_CHAIN_PROBE, tokenizeQuery } from '../../src/sql/parser.js';
import { longestSetChain, longestSetChainOfText } from '../../src/sql/setChain.js';
import { templateOf } from '../../src/sql/template.js';

before(loadParser);

const chain = (n: number, member = 'SELECT a FROM t WHERE b = 1', op = 'UNION ALL') => Array(n).fill(member).join(` ${op} `);
const types = (sql: string, dialect = 'sqlite') => {
  const tokenized = tokenizeQuery(sql, dialect);
  assert.ok(tokenized.ok);
  return tokenized.tokens;
};

test('the longest chain is counted per level of parentheses and per statement, from tokens or from the text alike', () => {
  const counts = (sql: string, dialect = 'sqlite') => {
    const fromTokens = longestSetChain(types(sql, dialect));
    assert.equal(longestSetChainOfText(sql, dialectInfo(dialect)), fromTokens, sql);
    return fromTokens;
  };
  assert.equal(counts('SELECT 1'), 1);
  assert.equal(counts(chain(5)), 5);
  assert.equal(counts(`SELECT * FROM (${chain(7)}) WHERE x IN (${chain(3)}) UNION SELECT 2`), 7);
  assert.equal(counts(`${chain(4)}; ${chain(2)}`), 4);
  assert.equal(counts(chain(3, '(SELECT 1)', 'INTERSECT')), 3);
  assert.equal(counts(`${chain(3, "SELECT 'UNION' /* UNION */ FROM t")} -- UNION SELECT`), 3);
  // BigQuery's `* EXCEPT (col)` drops columns: no set operation.
  assert.equal(counts('SELECT * EXCEPT (a) FROM t EXCEPT DISTINCT SELECT * EXCEPT (b) FROM u', 'bigquery'), 2);
});

test('brackets opened hundreds of thousands deep are counted, and the query is the parser’s to refuse', () => {
  const deep = `SELECT ${'('.repeat(300_000)}1`;
  assert.equal(longestSetChainOfText(deep, dialectInfo('sqlite')), 1);
  const result = new TemplateEngine('sqlite').template(deep);
  assert.ok('error' in result && /NESTING_DEPTH/.test(result.error), JSON.stringify(result).slice(0, 200));
});

test('the engine refuses a long chain from its text with the parser’s own message, before tokenizing it', () => {
  for (const dialect of ['sqlite', 'postgres', 'bigquery', 'tsql']) {
    const sql = chain(2 * SET_CHAIN_PROBE, "SELECT a, 'x' AS b FROM t");
    const engine = new TemplateEngine(dialect);
    assert.deepEqual(engine.template(sql), templateOf(sql, dialect), dialect);
    assert.equal(engine.stats.parsed, 0, `${dialect}: no parse of the query itself`);
  }
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
