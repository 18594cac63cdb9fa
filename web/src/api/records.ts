import { ApiError, failure, sessionHeaders } from './client';
import type { RecordImportResult } from './types';

export interface RecordUpload {
  files: File[];
  skipInvalid: boolean;
  county?: string;
}

/** `POST /api/import` over XMLHttpRequest, the one browser API that reports upload progress. */
export function uploadRecords(
  upload: RecordUpload,
  onProgress: (percent: number) => void,
): Promise<RecordImportResult> {
  const form = new FormData();
  form.append('skipInvalid', String(upload.skipInvalid));
  if (upload.county) form.append('county', upload.county);
  for (const file of upload.files) form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(sessionHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as RecordImportResult);
      } else {
        reject(failure(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', detail: 'network error' }));
    xhr.send(form);
  });
}
