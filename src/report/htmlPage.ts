/** The frame of a self-contained HTML report: inline styles, no scripts, no network. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The tables of a Markdown report as HTML tables: each table's first row as its header, the
 * separator row left out; a line of text ending in `:` right before a table is its caption.
 * Other text between the tables is not a table's and is left to the page.
 */
export function htmlTablesOf(markdown: string): string[] {
  const tables: string[] = [];
  let caption = '';
  for (const block of markdown.split(/\n\s*\n/)) {
    const rows = block.split('\n').filter((l) => l.startsWith('| ') && !/^\|\s*-/.test(l));
    if (rows.length === 0) {
      caption = block.trim().endsWith(':') ? block.trim() : '';
      continue;
    }
    const html = rows.map((line, k) => {
      const tag = k === 0 ? 'th' : 'td';
      const cells = line.slice(2, -2).split(' | ');
      return `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
    });
    tables.push(`<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}${html.join('')}</table>`);
    caption = '';
  }
  return tables;
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 960px; color: #1d1d1f; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .5rem; }
.decisions { list-style: none; padding: 0; font-size: 1.05rem; }
.decisions li { padding: .4rem .7rem; margin: .3rem 0; border-left: 5px solid #999; background: #f6f6f6; }
.decisions li.fine-tune { border-color: #54a24b; } .decisions li.no-gain { border-color: #e45756; } .decisions li.uncertain { border-color: #eeca3b; }
.params { color: #555; }
table { border-collapse: collapse; margin: 1rem 0 2rem; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #ddd; text-align: right; }
th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
figure { margin: 2rem 0; overflow-x: auto; } figcaption { font-weight: 600; margin-bottom: .4rem; }
small { color: #666; }
</style></head>
<body>
${body}
<footer><small>Made by sqlalign. Metric: arXiv 2510.04919, as specified in docs/spec.md of the sqlalign repository.</small></footer>
</body></html>
`;
}
