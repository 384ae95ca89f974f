/**
 * Escaping for the formats people open: HTML/SVG text and attributes, Markdown table cells, and CSV cells safe
 * against formula injection.
 *
 * @module
 */

/**
 * Text made safe for HTML and SVG, in element content and in double- or single-quoted attributes.
 *
 * @example escapeHtml('<script>"x"</script>') === '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c] as string);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Text made safe inside a Markdown table cell or paragraph: Markdown and HTML punctuation backslash-escaped or
 * entity-encoded, line breaks folded to spaces.
 *
 * @example escapeMarkdown('a|b *c* <x> <5') === 'a\\|b \\*c\\* &lt;x> <5'
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n\t]+/g, ' ')
      // Only what could start an HTML tag or entity is encoded, so "<5" stays readable pasted as plain text.
      .replace(/&(?=[#a-zA-Z0-9]+;)/g, '&amp;')
      .replace(/<(?=[a-zA-Z/!?])/g, '&lt;')
      .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
      // A line can only start with what follows a list dash or a table pipe, so only these starts could become markup.
      .replace(/^([#+-]|\d+\.)(?=\s|$)/, '\\$1')
  );
}

/**
 * A CSV cell that no spreadsheet reads as a formula: text starting with `=`, `+`, `-`, `@`, tab or carriage return
 * gets a leading apostrophe (OWASP's advice). Numbers are left alone (a negative number is data, not a formula).
 *
 * @example safeCsvCell('=HYPERLINK("x")') === "'=HYPERLINK(\"x\")"
 */
export function safeCsvCell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
