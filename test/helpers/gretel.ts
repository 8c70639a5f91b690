/**
 * A Parquet file shaped like Gretel's synthetic_text_to_sql (same columns, snappy-compressed,
 * as the Hugging Face release ships). The rows are written here in Gretel's style: the real
 * dataset is not among the shared data (see ../shared/data/README.md).
 */
import { parquetWriteFile } from 'hyparquet-writer';

export const GRETEL_ROWS = [
  {
    id: 5097,
    domain: 'forestry',
    sql_complexity: 'single join',
    sql_prompt: 'What is the total volume of timber sold by each salesperson, sorted by salesperson?',
    sql_context:
      "CREATE TABLE salesperson (salesperson_id INT, name TEXT, region TEXT); INSERT INTO salesperson (salesperson_id, name, region) VALUES (1, 'John Doe', 'North'), (2, 'Jane Smith', 'South'); CREATE TABLE timber_sales (sales_id INT, salesperson_id INT, volume REAL, sale_date DATE); INSERT INTO timber_sales (sales_id, salesperson_id, volume, sale_date) VALUES (1, 1, 120, '2021-01-01'), (2, 1, 150, '2021-02-01'), (3, 2, 180, '2021-01-01');",
    sql: 'SELECT salesperson.salesperson_id, name, SUM(volume) as total_volume FROM timber_sales JOIN salesperson ON timber_sales.salesperson_id = salesperson.salesperson_id GROUP BY salesperson.salesperson_id, name ORDER BY total_volume DESC;',
  },
  {
    id: 5098,
    domain: 'defense industry',
    sql_complexity: 'aggregation',
    sql_prompt: 'List all the unique equipment types and their corresponding total maintenance frequency.',
    sql_context: 'CREATE TABLE equipment_maintenance (equipment_type VARCHAR(255), maintenance_frequency INT);',
    sql: 'SELECT equipment_type, SUM(maintenance_frequency) AS total_maintenance_frequency FROM equipment_maintenance GROUP BY equipment_type;',
  },
  {
    id: 5099,
    domain: 'marine biology',
    sql_complexity: 'basic SQL',
    sql_prompt: 'How many marine species are found in the Southern Ocean?',
    sql_context: 'CREATE TABLE marine_species (name VARCHAR(50), common_name VARCHAR(50), location VARCHAR(50));',
    sql: "SELECT COUNT(*) FROM marine_species WHERE location = 'Southern Ocean';",
  },
];

export function writeGretelParquet(filename: string, rows = GRETEL_ROWS): void {
  const columns = Object.keys(rows[0] ?? {}) as (keyof (typeof GRETEL_ROWS)[number])[];
  parquetWriteFile({
    filename,
    columnData: columns.map((name) => ({ name, data: rows.map((r) => r[name]) })),
  });
}
