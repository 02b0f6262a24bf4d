import type { ErrorBody, ImportJob, ImportJobSummary, ImportStarted } from '@ce/shared';
import { ApiError, api, CSRF_HEADER, csrfToken } from './client';
import type { Paged } from './types';

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * 上传模板: XMLHttpRequest rather than fetch, for the upload progress (fetch reports none).
 * Errors come back as the same ApiError the rest of the client throws.
 */
async function uploadRecords(file: File, onProgress: (percent: number) => void): Promise<ImportStarted> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/records');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' }));
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportStarted);
      const err = body as ErrorBody | undefined;
      reject(
        err?.code
          ? new ApiError(xhr.status, err, err.fields ?? [])
          : new ApiError(xhr.status, { code: 'INTERNAL', message: `上传失败（${xhr.status}）` }),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** 继续教育记录批量申报 (manual 003 §1.6.2). */
export const importsApi = {
  templateUrl: '/api/imports/records/template',
  errorsUrl: (jobId: string) => `/api/imports/records/${encodeURIComponent(jobId)}/errors.xlsx`,
  upload: uploadRecords,
  job: (jobId: string) => api.get<ImportJob>(`/imports/records/${encodeURIComponent(jobId)}`),
  jobs: (query: { page: number; pageSize: number }) =>
    api.get<Paged<ImportJobSummary>>('/imports/records', query),
};
