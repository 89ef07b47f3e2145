/**
 * The sources the api's POST /api/ingest/<source> reads (pipelines/src/sources/index.ts SOURCES),
 * and the upload itself. An XMLHttpRequest rather than fetch: it reports upload progress, which is
 * how the page shows a file going in.
 */
export const UPLOAD_SOURCES = [
  { name: 'interactions', label: 'Interactions (CSV or NDJSON)' },
  { name: 'customers', label: 'Customers (CSV or NDJSON)' },
  { name: 'identities', label: 'Identities (CSV or NDJSON)' },
  { name: 'transactions', label: 'Transactions (CSV or NDJSON)' },
  { name: 'twcs', label: 'Customer Support on Twitter (twcs.csv)' },
  { name: 'twitter-v2', label: 'Twitter/X API v2 JSON' },
  { name: 'zendesk', label: 'Zendesk ticket export' },
] as const;

/** What the api answers: pipelines' RunSummary (the counts add up: read = loaded + rejected). */
export interface RunSummary {
  runId: string;
  source: string;
  read: number;
  loaded: number;
  rejected: number;
  unscored: number;
  seconds: number;
  status: 'succeeded' | 'failed';
  message: string;
}

export interface UploadProgress {
  sent: number;
  total: number;
}

export function uploadFile(
  source: string,
  file: File,
  apiKey: string,
  onProgress: (progress: UploadProgress) => void,
): Promise<RunSummary> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/ingest/${encodeURIComponent(source)}`);
    request.setRequestHeader('authorization', `Bearer ${apiKey}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('x-resonance-file', encodeURIComponent(file.name));
    request.upload.onprogress = (event) =>
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onerror = () => reject(new Error('The server could not be reached.'));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: the status says enough.
      }
      if (request.status >= 200 && request.status < 300) resolve(body as RunSummary);
      else {
        const message = (body as { message?: unknown } | null)?.message;
        reject(new Error(typeof message === 'string' ? message : `The upload failed (HTTP ${request.status}).`));
      }
    };
    request.send(file);
  });
}
