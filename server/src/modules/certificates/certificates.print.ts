import { type CertificateVerification, maskName } from '@ce/shared';
import type { Actor, RequestContext, Services } from '../../core/context';
import { AppError } from '../../core/errors';
import { ruleSubjectsOf } from '../requirements/standing';
import { authorityAtIssue, sealBytes } from './certificate-settings.service';
import { verificationUrl } from './certificates.pdf';
import type { CertificateRenderer } from './certificates.renderer';
import * as repo from './certificates.repository';
import { certificateFor } from './certificates.service';

/** 打印 and 证书查验: what a printed certificate shows and what the public check answers. */

async function holderRegion(s: Services, professionalId: string) {
  return (await ruleSubjectsOf(s.db, [professionalId])).get(professionalId)?.regionCode ?? null;
}

/** The PDF of the certificate (打印), rendered after the transaction, off the event loop. */
export async function certificatePdf(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  params: { professionalId: string; year: number },
  baseUrl: string,
  renderer: CertificateRenderer,
) {
  const { cert, idNumber } = await certificateFor(s, ctx, actor, params.professionalId, params.year);
  // the 发证机关 and 公章 it was issued with; certificates older than that record print today's
  const authority = cert.authorityName
    ? { authorityName: cert.authorityName, sealFileId: cert.sealFileId }
    : await authorityAtIssue(s.db, await holderRegion(s, params.professionalId));
  const pdf = await renderer.render({
    ...cert,
    // the holder's own document: the full number (only the holder and their employer print it);
    // lists, exports and the public 证书查验 keep it masked
    idNumber,
    issuedAt: cert.issuedAt,
    verifyUrl: verificationUrl(baseUrl, cert.number),
    authorityName: authority.authorityName,
    seal: await sealBytes(s.db, s.files, authority.sealFileId),
  });
  return { pdf, number: cert.number };
}

/** 证书查验 (public): status and the masked holder of a number. */
export async function verify(s: Services, number: string): Promise<CertificateVerification> {
  const cert = await repo.findByNumber(s.db, number.trim().toUpperCase());
  if (!cert) throw new AppError('NOT_FOUND', '证书编号不存在');
  return {
    number: cert.number,
    status: cert.status,
    year: cert.year,
    name: maskName(cert.name),
    series: cert.series,
    publicHours: cert.publicHours,
    professionalHours: cert.professionalHours,
    electiveHours: cert.electiveHours,
    totalHours: cert.totalHours,
    issuedAt: cert.issuedAt.toISOString(),
    voidedAt: cert.voidedAt?.toISOString() ?? null,
  };
}
