/**
 * Gold queries whose answers are known to be ill-defined (or not), on one small table that every
 * engine builds alike: the audit must find the same on SQLite, PostgreSQL and MySQL.
 */

/** `scores`: b and c tie on pts; bonus has a NULL; code holds numbers as text ('10' sorts before '9'). */
export const SCORES_TABLE = 'CREATE TABLE scores (name varchar(10), pts int, code varchar(10), bonus int)';
export const SCORES_ROWS =
  "INSERT INTO scores VALUES ('a', 10, '9', 1), ('b', 9, '10', NULL), ('c', 9, '2', 3), ('d', 7, '1', 4)";

export interface AuditCase {
  readonly gold: string;
  readonly pred: string;
  /** The codes the audit must find (exactly). */
  readonly audit: readonly string[];
  /** Whether the prediction is right counting tied rows (only where the gold cuts at a tie). */
  readonly exTie?: boolean;
}

export const AUDIT_CASES: readonly AuditCase[] = [
  // The cut falls between b and c (both 9): either is the gold's arbitrary choice.
  {
    gold: 'SELECT name FROM scores ORDER BY pts DESC LIMIT 2',
    pred: "SELECT name FROM scores WHERE name <> 'b' AND name <> 'c' OR name = 'c' ORDER BY pts DESC LIMIT 2",
    audit: ['tie_at_limit'],
    exTie: true,
  },
  // The same tie, named by a position and by an alias; a prediction of other rows is not right by it.
  {
    gold: 'SELECT name, pts FROM scores ORDER BY 2 DESC LIMIT 2',
    pred: "SELECT name, pts FROM scores WHERE name = 'd' OR name = 'a'",
    audit: ['tie_at_limit'],
    exTie: false,
  },
  { gold: 'SELECT name, pts AS p FROM scores ORDER BY p DESC LIMIT 2', pred: 'SELECT 1', audit: ['tie_at_limit'], exTie: false },
  // No tie at the cut (10, then 9).
  { gold: 'SELECT name FROM scores ORDER BY pts DESC LIMIT 1', pred: "SELECT 'a'", audit: [] },
  // The cut is clean (9, then 7), but b and c inside the result have no fixed order.
  { gold: 'SELECT name FROM scores ORDER BY pts DESC LIMIT 3', pred: "SELECT 'a'", audit: ['order_not_fixed'] },
  // A NULL decides the order (engines put NULLs first or last).
  {
    gold: 'SELECT name FROM scores WHERE bonus IS NULL OR bonus > 0 ORDER BY bonus LIMIT 4',
    pred: 'SELECT 1',
    audit: ['null_in_order_key'],
  },
  // Numbers stored as text order as text: '1', '10', '2', '9'.
  { gold: 'SELECT name FROM scores ORDER BY code LIMIT 4', pred: 'SELECT 1', audit: ['text_number_order_key'] },
  // A gold that fails.
  { gold: 'SELECT nowhere FROM scores', pred: 'SELECT 1', audit: ['gold_error'] },
  // A gold without ORDER BY under the default rule: nothing to find.
  { gold: 'SELECT count(*) FROM scores', pred: 'SELECT 4', audit: [] },
];
