import type { TextChunk } from './input';

export interface TextLine {
  line: number;
  text: string;
  /** Invalid UTF-8 or over-long line: the text cannot be trusted. */
  error: string | null;
}

/** The non-blank lines of a text stream (NDJSON and other line formats), with their numbers. */
export async function* readLines(chunks: AsyncIterable<TextChunk>): AsyncGenerator<TextLine> {
  let first = true;
  for await (const chunk of chunks) {
    let text = chunk.text;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let line = chunk.firstLine;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let stop = end;
      if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
      if (stop > start) {
        const error = chunk.longLines?.has(line)
          ? 'line longer than the limit'
          : chunk.badLines?.has(line)
            ? 'invalid UTF-8'
            : null;
        const value = text.slice(start, stop);
        if (error || value.trim() !== '') yield { line, text: value, error };
      } else if (chunk.longLines?.has(line)) {
        yield { line, text: '', error: 'line longer than the limit' };
      }
      start = end + 1;
      line++;
    }
  }
}
