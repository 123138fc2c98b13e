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
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`${API_BASE}/imports`, { fileName: file.name, scope }));
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
  });
}
