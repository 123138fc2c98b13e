import {
  api,
  API_BASE,
  ApiError,
  setCsrfToken,
  withQuery,
  type Problem,
} from '../../../app/api.ts';
import type { ImportReport, ImportScope } from '../types.ts';

export interface UploadProgress {
  /** Share of the bytes sent, 0 to 1. */
  onProgress: (fraction: number) => void;
  /** Every byte is on the server: what follows is its work on the file. */
  onUploaded: () => void;
  /** What the server says of the upload: in line for its turn, or how far its import is. */
  onServerProgress: (progress: ServerProgress) => void;
}

/** GET /imports/progress/{id}. */
export interface ServerProgress {
  stage: 'waiting' | 'receiving' | 'checking' | 'reading' | 'comparing' | 'done';
  /** How far the import is, 0 to 1. */
  fraction: number;
}

/** How often the page asks the server how far an upload is. */
const pollMs = 500;

/** An id for the upload's progress: random, and available outside secure contexts too. */
function progressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Asks the server how far the upload `id` is until `stop` is called. A question that fails (the
 * server has not seen the upload yet, or the network hiccups) is simply asked again.
 */
function followProgress(id: string, onServerProgress: (progress: ServerProgress) => void) {
  let stopped = false;
  const ask = async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      if (stopped) break;
      try {
        const progress = await api<ServerProgress>(`/imports/progress/${id}`);
        if (!stopped) onServerProgress(progress);
      } catch {
        // Asked again at the next turn.
      }
    }
  };
  void ask();
  return () => {
    stopped = true;
  };
}

function problemOf(xhr: XMLHttpRequest): Problem {
  try {
    const body = JSON.parse(xhr.responseText) as Partial<Problem>;
    return { ...body, title: body.title ?? xhr.statusText, status: body.status ?? xhr.status };
  } catch {
    return { title: xhr.statusText || 'Error', status: xhr.status };
  }
}

/**
 * Sends one CSV file as the raw body of POST /imports. XMLHttpRequest rather than fetch, because
 * only it reports how much of the upload has gone; the CSRF token is the session's current one.
 */
export async function uploadImport(
  file: File,
  scope: ImportScope,
  progress: UploadProgress,
): Promise<ImportReport> {
  const session = await api<{ csrfToken: string }>('/session');
  setCsrfToken(session.csrfToken);
  const id = progressId();
  const stop = followProgress(id, progress.onServerProgress);
  return new Promise<ImportReport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      withQuery(`${API_BASE}/imports`, { fileName: file.name, scope, progress: id }),
    );
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', session.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        progress.onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => progress.onUploaded();
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReport);
        } catch {
          reject(new ApiError({ title: 'Invalid response', status: xhr.status }));
        }
        return;
      }
      reject(new ApiError(problemOf(xhr)));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  }).finally(stop);
}
