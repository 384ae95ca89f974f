/**
 * A report laid out for people, independent of the format: a title, a few key-value lines and sections of
 * paragraphs, tables and figures, every string already formatted in the report's language. Markdown and HTML both
 * render it, so the two always say the same thing.
 *
 * @module
 */

/** A table: header cells, rows of cells (already formatted text). */
export interface DocTable {
  /** Header cells, one per column. */
  readonly head: readonly string[];
  /** Body rows, each with one cell per column of `head`. */
  readonly rows: readonly (readonly string[])[];
  /** Columns to right-align (figures). */
  readonly numeric?: readonly boolean[];
  /** Text for screen readers and print: what the table shows. */
  readonly caption?: string;
}

/** One section of the report. */
export interface DocSection {
  /** Stable anchor, `[a-z-]+`. */
  readonly id: string;
  /** Section heading. */
  readonly title: string;
  /** Paragraphs of plain text before the table (escaped by each format). */
  readonly paragraphs?: readonly string[];
  /** The section's table, if any. */
  readonly table?: DocTable;
  /** Inline SVG markup made by `svg.ts` (already escaped); HTML only, Markdown shows the table instead. */
  readonly svg?: string;
  /** Fold the table on screen (`<details>`): for a long text equivalent of a picture. */
  readonly foldTable?: boolean;
  /** Small print under the table. */
  readonly notes?: readonly string[];
}

/** The whole document. */
export interface ReportDocument {
  /** Language the document is written in (the `lang` attribute of the HTML page). */
  readonly lang: 'fr' | 'en';
  /** The document's title. */
  readonly title: string;
  /** Label and value lines under the title. */
  readonly meta: readonly (readonly [string, string])[];
  /** The sections, in reading order. */
  readonly sections: readonly DocSection[];
  /** Small print at the end. */
  readonly footer: string;
}
