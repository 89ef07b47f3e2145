import * as fs from 'node:fs';

const TEXTS = [
  'My order never arrived and nobody answers',
  'Thanks, the replacement came today, great service!',
  'Can you tell me when the store opens on Sunday?',
  'Worst update ever, the app keeps crashing',
  'ok',
  'Love the new design, so much faster',
];

const FILLER =
  ' I have been a customer for years and would like this sorted out before the weekend, ' +
  'please let me know what you need from me to get it done';

export interface GenerateOptions {
  /** Rows without a sentiment, so the load scores them. */
  unscored: boolean;
  /** Characters appended to every text: makes a file of a given size with fewer rows. */
  padChars?: number;
}

/**
 * Writes `rows` generic interactions as CSV, streaming in 1 MiB pieces (the file can be larger
 * than memory). Returns the file's size. Threads of three rows of one brand: a customer's message,
 * an agent's reply to it, and the same customer's answer to the reply, so a load's passes link
 * what a real one does: the first message gets its first reply and its next message (a third of
 * the rows rewritten), the answer is left open. (Before, the reply was by another brand and the
 * two messages by two authors, so the passes linked nothing and measured only their reads.)
 */
export async function generateInteractionsCsv(file: string, rows: number, options: GenerateOptions): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    'interaction_id,brand,channel,direction,created_at,thread_id,parent_id,author_handle,agent,text,sentiment\n',
  );
  const pad = FILLER.repeat(Math.ceil((options.padChars ?? 0) / FILLER.length)).slice(0, options.padChars ?? 0);
  const start = Date.UTC(2024, 0, 1);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const thread = Math.floor(i / 3);
    const inbound = i % 3 !== 1;
    // The first message has no parent; the reply and the answer each reply to the row before.
    const parent = i % 3 === 0 ? '' : `m${i - 1}`;
    const at = new Date(start + i * 1_000).toISOString();
    const text = TEXTS[i % TEXTS.length]! + pad;
    const sentiment = options.unscored ? '' : (((i * 7919) % 2001) / 1000 - 1).toFixed(3);
    chunk += `m${i},brand${thread % 4},${i % 5 === 0 ? 'email' : 'twitter'},${inbound ? 'inbound' : 'outbound'},${at},t${thread},${parent},${inbound ? `user${thread % 50_000}` : `brand${thread % 4}`},${inbound ? '' : `agent${i % 40}`},"${text}",${sentiment}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}
