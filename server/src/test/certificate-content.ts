import { type CertificateContent, verificationUrl } from '../modules/certificates/certificates.pdf';

/** What a certificate PDF states, for rendering tests and server/bench/pdf.ts. */
export function sampleCertificate(over: Partial<CertificateContent> = {}): CertificateContent {
  const number = over.number ?? 'GD2025ABCDEFGHJK';
  return {
    number,
    name: '李娜',
    idNumber: '440106199001011234',
    series: '工程技术人员',
    year: 2025,
    publicHours: 30,
    professionalHours: 42,
    electiveHours: 18,
    totalHours: 90,
    publicCourses: 1,
    professionalCourses: 2,
    electiveCourses: 1,
    issuedAt: new Date('2025-07-01T08:00:00Z'),
    verifyUrl: verificationUrl('https://jxjy.example.gov.cn', number),
    authorityName: '广东省人力资源和社会保障厅',
    seal: null,
    ...over,
  };
}
