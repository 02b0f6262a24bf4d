import type { CertificateRow, CertificateVerification, ReissueResponse } from '@ce/shared';
import { api } from './client';
import type { Paged } from './types';

export type { CertificateRow, CertificateVerification, ReissueResponse } from '@ce/shared';

export interface StaffCertificateQuery {
  name?: string;
  idNumber?: string;
  year?: number | string;
  page?: number;
  pageSize?: number;
}

/** 打印: a plain link, so the browser downloads the PDF with the session cookie. */
export function certificatePdfUrl(professionalId: string, year: number): string {
  return `/api/certificates/${encodeURIComponent(professionalId)}/${year}/pdf`;
}

/** 继续教育证书打印 (person and employer) and the public 证书查验. */
export const certificatesApi = {
  mine: () => api.get<Paged<CertificateRow>>('/certificates/mine'),
  staff: (query: StaffCertificateQuery) =>
    api.get<Paged<CertificateRow>>('/employer/certificates', {
      name: query.name,
      idNumber: query.idNumber,
      year: query.year,
      page: query.page,
      pageSize: query.pageSize,
    }),
  /** 导出Excel of the employer's list (ListPage adds the search filters) */
  staffExportUrl: '/api/employer/certificates/export',
  reissue: (professionalId: string, year: number) =>
    api.post<ReissueResponse>(`/certificates/${encodeURIComponent(professionalId)}/${year}/reissue`),
  verify: (number: string) =>
    api.get<CertificateVerification>(`/public/certificates/${encodeURIComponent(number)}`),
};
