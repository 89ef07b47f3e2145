/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or starts or ends with
 * a space; quotes doubled. null and undefined are empty fields.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first: "CSV injection")
 * gets a leading apostrophe, which spreadsheets show as text. Only for free text from outside
 * (message texts, handles), never for numbers.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV record with its CRLF terminator. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
