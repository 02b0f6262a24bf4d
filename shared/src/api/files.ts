import { z } from 'zod';

export const FILE_MAX_BYTES = 10 * 1024 * 1024;
export const FILE_KINDS = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' } as const;
export const uploadedFile = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFile>;
