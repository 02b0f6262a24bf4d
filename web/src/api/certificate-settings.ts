import type { CertificateSettings, CertificateSettingsSaveRequest } from '@ce/shared';
import { api } from './client';

export type { CertificateSettings } from '@ce/shared';

/** The seal preview: a plain URL (the browser sends the session cookie); `v` defeats the image cache. */
export function sealImageUrl(version: string): string {
  return `/api/hrss/certificate-settings/seal?v=${encodeURIComponent(version)}`;
}

/** 人社部门: 证书设置 (发证机关 and 公章 of its region's certificates). */
export const certificateSettingsApi = {
  get: () => api.get<CertificateSettings>('/hrss/certificate-settings'),
  save: (body: CertificateSettingsSaveRequest) =>
    api.put<CertificateSettings>('/hrss/certificate-settings', body),
  uploadSeal: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<CertificateSettings>('/hrss/certificate-settings/seal', form);
  },
  deleteSeal: () => api.delete<CertificateSettings>('/hrss/certificate-settings/seal'),
};
