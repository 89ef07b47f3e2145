import { parentPort } from 'node:worker_threads';
import type { ChunkRequest, ChunkResponse } from './pool';
import { scoreText } from './score-text';

// Entry of a sentiment pool worker thread: scores each chunk it is sent and answers with the
// scores (NaN for unscored) in a transferred buffer and the languages.
const port = parentPort;
if (port === null) throw new Error('sentiment/worker must be started as a worker thread by SentimentPool');

port.on('message', (request: ChunkRequest) => {
  let response: ChunkResponse;
  try {
    const sentiments = new Float64Array(request.texts.length);
    const langs = new Array<string>(request.texts.length);
    for (let i = 0; i < request.texts.length; i++) {
      const score = scoreText(request.texts[i]);
      sentiments[i] = score.sentiment ?? Number.NaN;
      langs[i] = score.lang;
    }
    response = { id: request.id, sentiments, langs };
    port.postMessage(response, [sentiments.buffer]);
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(response);
  }
});
