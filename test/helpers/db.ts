/** A small real SQLite database in the Spider layout (<dir>/<db_id>/<db_id>.sqlite), written by SQLite itself. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TablesJsonEntry } from '../../src/spider/schema.js';

export function makeSingerDb(dir: string, dbId = 'concert_singer'): string {
  mkdirSync(join(dir, dbId), { recursive: true });
  const path = join(dir, dbId, `${dbId}.sqlite`);
  const db = new Database(path);
  db.exec(`
    CREATE TABLE singer (Singer_ID int PRIMARY KEY, Name text, Country text, Age int);
    INSERT INTO singer VALUES (1, 'Joe Sharp', 'Netherlands', 52), (2, 'Timbaland', 'United States', 32),
      (3, 'Justin Brown', 'France', 29), (4, 'Rose White', 'France', 41), (5, 'John Nizinik', 'France', 43);
    CREATE TABLE concert (concert_ID int PRIMARY KEY, concert_Name text, Singer_ID int REFERENCES singer(Singer_ID), Year text);
    INSERT INTO concert VALUES (1, 'Auditions', 1, '2014'), (2, 'Super bootcamp', 2, '2014'), (3, 'Home Visits', 2, '2015');
  `);
  db.close();
  return path;
}

export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The tables.json entry of the database makeSingerDb writes (concert.Singer_ID refers to singer.Singer_ID). */
export const SINGER_TABLES: TablesJsonEntry = {
  db_id: 'concert_singer',
  table_names_original: ['singer', 'concert'],
  column_names_original: [
    [-1, '*'],
    [0, 'Singer_ID'],
    [0, 'Name'],
    [0, 'Country'],
    [0, 'Age'],
    [1, 'concert_ID'],
    [1, 'concert_Name'],
    [1, 'Singer_ID'],
    [1, 'Year'],
  ],
  foreign_keys: [[7, 1]],
};
