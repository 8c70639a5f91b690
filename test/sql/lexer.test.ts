/**
 * One table of lexical cases (test/fixtures/lexical/cases.jsonl: quotes, escapes, brackets,
 * comments, dollar strings, placeholders, per dialect), run through the lexer and through every
 * consumer of it, so that none of them can disagree about where a string or a comment ends.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { refusalOf } from '../../src/exec/guard.js';
import { replaceDoubleQuoted } from '../../src/exec/sqlite.js';
import { extractSql } from '../../src/llm/extract.js';
import { removeDistinct } from '../../src/spider/prep.js';
import { dialectInfo } from '../../src/sql/dialects.js';
import { lex, significantTokens, splitStatements } from '../../src/sql/lexer.js';
import { queryShape } from '../../src/sql/queryShape.js';
import { FIXTURES_HERE } from '../helpers/paths.js';

interface Case {
  readonly dialect: string;
  readonly sql: string;
  readonly tokens: readonly [string, string][];
  readonly statements: readonly string[];
}

const CASES: Case[] = readFileSync(join(FIXTURES_HERE, 'lexical', 'cases.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case);

const label = (c: Case) => `${c.dialect}: ${JSON.stringify(c.sql)}`;

describe('the lexer', () => {
  for (const c of CASES) {
    test(label(c), () => {
      const tokens = significantTokens(c.sql, dialectInfo(c.dialect)).map((t) => [t.kind, c.sql.slice(t.start, t.end)]);
      assert.deepEqual(tokens, c.tokens);
    });
  }
  test('tokens cover the text exactly, in order, with nothing left out', () => {
    for (const c of CASES) {
      const all = lex(c.sql, dialectInfo(c.dialect));
      assert.equal(all.map((t) => c.sql.slice(t.start, t.end)).join(''), c.sql, label(c));
    }
  });
});

describe('every consumer agrees with the lexer', () => {
  test('splitting a script into statements', () => {
    for (const c of CASES) {
      assert.deepEqual(
        splitStatements(c.sql, dialectInfo(c.dialect)).map((s) => s.sql),
        c.statements,
        label(c),
      );
    }
  });

  test("the shape cache's key masks exactly the strings, quoted names and numbers, and refuses unclosed text", () => {
    const lexicon = { isPlainName: () => false };
    for (const c of CASES) {
      const lexical = dialectInfo(c.dialect);
      const all = lex(c.sql, lexical);
      const shape = queryShape(c.sql, lexical, lexicon);
      const hashComment = all.some((t) => t.kind === 'comment' && c.sql[t.start] === '#');
      if (all.some((t) => !t.closed) || hashComment) {
        assert.equal(shape, null, label(c));
        continue;
      }
      assert.ok(shape, label(c));
      const expected = all
        .filter((t) => t.kind === 'string' || t.kind === 'quoted' || t.kind === 'number')
        .map((t) => [t.start, t.end]);
      assert.deepEqual(
        shape.masked.map((m) => [m.start, m.end]),
        expected,
        label(c),
      );
    }
  });

  test("Spider's DISTINCT removal drops DISTINCT words only, never inside strings, names or comments", () => {
    for (const c of CASES.filter((k) => k.dialect === 'sqlite')) {
      const tokens = lex(c.sql, dialectInfo('sqlite'));
      const expected = tokens
        .filter((t) => !(t.kind === 'word' && c.sql.slice(t.start, t.end).toLowerCase() === 'distinct'))
        .map((t) => c.sql.slice(t.start, t.end))
        .join('');
      assert.equal(removeDistinct(c.sql), expected, label(c));
    }
    assert.equal(
      removeDistinct('select DISTINCT a, \'distinct\', "DISTINCT" from t -- distinct\n'),
      'select  a, \'distinct\', "DISTINCT" from t -- distinct\n',
    );
  });

  test("SQLite's double-quoted-string rewrite touches quoted names only", () => {
    assert.equal(
      replaceDoubleQuoted(`SELECT "x;y", '"x;y"' FROM t -- "x;y"\nWHERE a = "x;y"`, '"x;y"'),
      `SELECT 'x;y', '"x;y"' FROM t -- "x;y"\nWHERE a = 'x;y'`,
    );
    assert.equal(replaceDoubleQuoted(`SELECT [a"b"] FROM t`, '"b"'), `SELECT [a"b"] FROM t`);
  });

  test('the read-only guard sees the first word after comments and parentheses', () => {
    const readonly = { reader: true, readonly: true };
    assert.equal(refusalOf('/* x */ -- y\n ( SELECT 1)', readonly), null);
    assert.match(refusalOf("/* SELECT */ PRAGMA x = 'SELECT'", readonly) ?? '', /only SELECT/);
    assert.match(refusalOf("'SELECT' ATTACH 'x' AS y", readonly) ?? '', /only SELECT/);
    for (const c of CASES.filter((k) => k.dialect === 'sqlite')) {
      const first = c.tokens.find(([kind, text]) => !(kind === 'punct' && text === '('));
      const isQuery = first?.[0] === 'word' && ['SELECT', 'WITH', 'VALUES'].includes(first[1].toUpperCase());
      assert.equal(refusalOf(c.sql, readonly) === null, isQuery, label(c));
    }
  });

  test("SQL extraction keeps a model answer's first statement, without its comments", () => {
    const spaced = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const c of CASES.filter((k) => k.dialect === 'sqlite' && k.statements.length > 0)) {
      const first = c.statements[0] as string;
      const lexical = dialectInfo('sqlite');
      const withoutComments = lex(first, lexical)
        .filter((t) => t.kind !== 'comment')
        .map((t) => first.slice(t.start, t.end))
        .join('');
      const answer = `\`\`\`sql\n${c.sql}\n\`\`\``;
      assert.equal(spaced(extractSql(answer)), spaced(withoutComments), label(c));
    }
  });
});
