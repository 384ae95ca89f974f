/**
 * A {@link ReportDocument} as one standalone HTML page: inline CSS and SVG, A4 print styles, no script, no font,
 * image or link to fetch, every string escaped. Readable with JavaScript off and printable as it is.
 *
 * @module
 */
import type { DocTable, ReportDocument } from './document.js';
import { escapeHtml } from './escape.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .3rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 1.8rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: .2rem; }
figure { margin: .5rem 0; overflow-x: auto; }
svg { max-width: 100%; height: auto; }
.notes { font-size: .85rem; color: #444; }
details summary { cursor: default; }
table.heat td { padding: .1rem .2rem; font-size: .7rem; }
footer { margin-top: 2rem; font-size: .8rem; color: #555; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
}
`;

/**
 * Renders the document as a complete HTML page.
 *
 * @example documentToHtml(doc).startsWith('<!DOCTYPE html>')
 */
export function documentToHtml(doc: ReportDocument): string {
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`, '<dl class="meta">'];
  for (const [label, value] of doc.meta)
    body.push(`<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  body.push('</dl>');
  for (const s of doc.sections) {
    body.push(`<section id="${escapeHtml(s.id)}" aria-labelledby="h-${escapeHtml(s.id)}">`);
    body.push(`<h2 id="h-${escapeHtml(s.id)}">${escapeHtml(s.title)}</h2>`);
    for (const p of s.paragraphs ?? []) body.push(`<p>${escapeHtml(p)}</p>`);
    if (s.svg) body.push(`<figure>${s.svg}</figure>`);
    if (s.table) body.push(tableHtml(s.table, s.svg !== undefined, s.foldTable === true));
    if (s.notes && s.notes.length > 0) {
      body.push(`<p class="notes">${s.notes.map(escapeHtml).join('<br>')}</p>`);
    }
    body.push('</section>');
  }
  body.push(`<footer>${escapeHtml(doc.footer)}</footer>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request of any kind: nothing may be fetched, not even a favicon.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableHtml(table: DocTable, equivalentOfFigure: boolean, fold: boolean): string {
  const cls = (i: number) => (table.numeric?.[i] ? ' class="num"' : '');
  const rows = table.rows.map(
    (r) =>
      `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row"${cls(i)}>${escapeHtml(c)}</th>` : `<td${cls(i)}>${escapeHtml(c)}</td>`)).join('')}</tr>`,
  );
  const html = [
    `<table${equivalentOfFigure ? ' class="heat"' : ''}>`,
    table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '',
    `<thead><tr>${table.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
  // A long text equivalent stays in the page for screen readers, folded on screen (and so left out of print).
  return fold ? `<details><summary>${escapeHtml(table.caption ?? '')}</summary>${html}</details>` : html;
}
