/**
 * A {@link ReportDocument} as Markdown, to paste into an e-mail: headings, lists and pipe tables, every string
 * escaped so a coach's name cannot inject markup.
 *
 * @module
 */
import type { DocTable, ReportDocument } from './document.js';
import { escapeMarkdown } from './escape.js';

/**
 * Renders the document as GitHub-flavoured Markdown (pictures are replaced by their text tables).
 *
 * @example documentToMarkdown(doc).startsWith('# Rapport de couverture')
 */
export function documentToMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  const colon = doc.lang === 'fr' ? '\u00a0:' : ':';
  for (const [label, value] of doc.meta)
    out.push(`- **${escapeMarkdown(label)}**${colon} ${escapeMarkdown(value)}`);
  for (const section of doc.sections) {
    out.push('', `## ${escapeMarkdown(section.title)}`, '');
    for (const p of section.paragraphs ?? []) out.push(escapeMarkdown(p), '');
    if (section.table) out.push(...tableLines(section.table), '');
    for (const n of section.notes ?? []) out.push(`_${escapeMarkdown(n)}_`, '');
  }
  out.push('', `_${escapeMarkdown(doc.footer)}_`, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function tableLines(table: DocTable): string[] {
  const cell = (t: string) => escapeMarkdown(t);
  const align = table.head.map((_, i) => (table.numeric?.[i] ? '---:' : '---'));
  return [
    `| ${table.head.map(cell).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}
