import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { demoModeFrom } from './demo-mode';
import { type FileStoreConfig, fileStoreConfigFromEnv } from './file-store.open';

/** Everything configurable, read from the environment (README lists each with its default). */
export interface Config {
  host: string;
  port: number;
  /** PGlite files, uploads and the generated session secret live here */
  dataDir: string;
  /** postgres://… switches from the embedded PGlite to a real PostgreSQL */
  databaseUrl: string | null;
  /**
   * keys the hashes of session tokens and SMS codes: SESSION_SECRET, or '' and then buildApp puts
   * in the one every instance shares through the database (core/session-secret.ts)
   */
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Secure cookies; on by default when PUBLIC_URL is https */
  secureCookies: boolean;
  /** requests per minute per IP on login, registration and SMS endpoints */
  authRateLimit: number;
  /** requests per minute per IP for a new image captcha */
  captchaRateLimit: number;
  /** requests per minute per IP on the public certificate check (证书查验: a QR scan queue at a desk) */
  certificateVerifyRateLimit: number;
  /** the web build to serve; null to serve none */
  webDist: string | null;
  logLevel: string;
  /** behind a reverse proxy: trust X-Forwarded-For so audit rows and rate limits see the client */
  trustProxy: boolean;
  /** the public origin (https://jxjy.example.gov.cn) for links printed on certificates; '' = the request's origin */
  publicUrl: string;
  /** where uploads are kept (FILE_STORE, S3_*) */
  fileStore: FileStoreConfig;
  /** redis://… : rate limits counted in Redis, shared by every instance; null = in this process */
  redisUrl: string | null;
  /** prefix of this deployment's Redis keys */
  redisPrefix: string;
  /** background jobs (./jobs.pgboss.ts): an attempt running longer is taken as lost and retried */
  jobExpireSeconds: number;
  /** how often lost (expired) jobs are looked for */
  jobSuperviseSeconds: number;
  /** false: this instance queues jobs but runs none (an API-only instance) */
  jobsWorker: boolean;
  /** NODE_ENV=production */
  production: boolean;
  /** demo mode: the 短信发件箱 shows phone numbers and codes in full (see core/sms-gateway.ts) */
  demoMode: boolean;
  /** SMS_GATEWAY as given; null = not set (the outbox, refused in production) */
  smsGateway: string | null;
  /** METRICS_TOKEN: GET /metrics needs `Authorization: Bearer <token>`; null = loopback clients only */
  metricsToken: string | null;
  /** on SIGTERM, how long the requests in flight may take before their connections are cut */
  shutdownTimeoutSeconds: number;
  /** worker threads rendering certificate PDFs (started at the first PDF); 0 = render in the request's thread */
  pdfWorkers: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`环境变量 ${name} 应为正数，当前为 ${raw}`);
  return n;
}

/** A whole number ≥ 0 (0 turns the feature off). */
function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，当前为 ${raw}`);
  return n;
}

export function loadConfig(root = process.cwd()): Config {
  const dataDir = resolve(root, process.env.DATA_DIR ?? 'data');
  const publicUrl = process.env.PUBLIC_URL ?? '';
  const webDist = resolve(root, process.env.WEB_DIST ?? 'web/dist');
  const databaseUrl = process.env.DATABASE_URL || null;
  return {
    host: process.env.HOST ?? '127.0.0.1',
    port: int('PORT', 3000),
    dataDir,
    databaseUrl,
    sessionSecret: process.env.SESSION_SECRET ?? '',
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 8),
    secureCookies: process.env.SECURE_COOKIES
      ? process.env.SECURE_COOKIES === 'true'
      : publicUrl.startsWith('https:'),
    authRateLimit: int('AUTH_RATE_LIMIT', 30),
    captchaRateLimit: int('CAPTCHA_RATE_LIMIT', 60),
    certificateVerifyRateLimit: int('CERT_VERIFY_RATE_LIMIT', 600),
    webDist: existsSync(webDist) ? webDist : null,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    trustProxy: process.env.TRUST_PROXY === 'true',
    publicUrl: publicUrl.replace(/\/+$/, ''),
    fileStore: fileStoreConfigFromEnv(),
    redisUrl: process.env.REDIS_URL || null,
    redisPrefix: process.env.REDIS_PREFIX ?? 'ce:',
    jobExpireSeconds: int('JOB_EXPIRE_SECONDS', 300),
    jobSuperviseSeconds: int('JOB_SUPERVISE_SECONDS', 30),
    jobsWorker: process.env.JOBS_WORKER !== 'false',
    production: process.env.NODE_ENV === 'production',
    demoMode: demoModeFrom(process.env, databaseUrl),
    smsGateway: process.env.SMS_GATEWAY || null,
    metricsToken: process.env.METRICS_TOKEN || null,
    shutdownTimeoutSeconds: int('SHUTDOWN_TIMEOUT_SECONDS', 30),
    pdfWorkers: count('PDF_WORKERS', availableParallelism()),
  };
}
