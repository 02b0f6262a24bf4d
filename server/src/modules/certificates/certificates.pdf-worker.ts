import { type CertificateContent, renderCertificatePdf } from './certificates.pdf';

/**
 * One task of the renderer's pool (certificates.renderer.ts), run in a worker thread: the fonts
 * are parsed once per thread, on its first PDF. The bytes go back as a Uint8Array (a copy of ~35 KB).
 */
export default async function renderInWorker(c: CertificateContent): Promise<Uint8Array> {
  return renderCertificatePdf(c);
}
