import { z } from 'zod';

/** Request-field labels of 证书设置 (merged into FIELD_LABELS in labels.ts). */
export const CERTIFICATE_SETTINGS_FIELD_LABELS: Record<string, string> = {
  authorityName: '发证机关',
  seal: '公章图片',
};

/** The 公章 image: PNG or JPEG (by content), at most this many bytes. */
export const SEAL_MAX_BYTES = 1024 * 1024;

/** 证书设置 of the acting HRSS org's region. */
export const certificateSettings = z.object({
  /** 适用地区: 广东省 or the city */
  regionName: z.string(),
  /** what is printed now: the region's own, else the one a wider region set, else the default */
  authorityName: z.string(),
  /** false: nothing saved for this region yet (the name shown is inherited or the default) */
  saved: z.boolean(),
  seal: z
    .object({ name: z.string(), mime: z.string(), size: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type CertificateSettings = z.infer<typeof certificateSettings>;

export const certificateSettingsSaveRequest = z.object({
  authorityName: z
    .string({ error: '请输入发证机关' })
    .trim()
    .min(2, '请输入发证机关（至少2个字）')
    .max(40, '发证机关不能超过40个字'),
});
export type CertificateSettingsSaveRequest = z.infer<typeof certificateSettingsSaveRequest>;
