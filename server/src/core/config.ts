import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything configurable, read from the environment (README lists each with its default). */
export interface Config {
  host: string;
  port: number;
  /** PGlite files, uploads and the generated session secret live here */
  dataDir: string;
  /** postgres://… switches from the embedded PGlite to a real PostgreSQL */
  databaseUrl: string | null;
  /** keys the hashes of session tokens and SMS codes */
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Secure cookies; on by default when PUBLIC_URL is https */
  secureCookies: boolean;
  /** requests per minute per IP on login, registration and SMS endpoints */
  authRateLimit: number;
  /** requests per minute per IP for a new image captcha */
  captchaRateLimit: number;
  /** the web build to serve; null to serve none */
  webDist: string | null;
  logLevel: string;
  /** behind a reverse proxy: trust X-Forwarded-For so audit rows and rate limits see the client */
  trustProxy: boolean;
  /** the public origin (https://jxjy.example.gov.cn) for links printed on certificates; '' = the request's origin */
  publicUrl: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`环境变量 ${name} 应为正数，当前为 ${raw}`);
  return n;
}

/** The secret given in SESSION_SECRET, or one generated once and kept in the data dir. */
function sessionSecret(dataDir: string): string {
  const given = process.env.SESSION_SECRET;
  if (given) return given;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(root = process.cwd()): Config {
  const dataDir = resolve(root, process.env.DATA_DIR ?? 'data');
  const publicUrl = process.env.PUBLIC_URL ?? '';
  const webDist = resolve(root, process.env.WEB_DIST ?? 'web/dist');
  return {
    host: process.env.HOST ?? '127.0.0.1',
    port: int('PORT', 3000),
    dataDir,
    databaseUrl: process.env.DATABASE_URL || null,
    sessionSecret: sessionSecret(dataDir),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 8),
    secureCookies: process.env.SECURE_COOKIES
      ? process.env.SECURE_COOKIES === 'true'
      : publicUrl.startsWith('https:'),
    authRateLimit: int('AUTH_RATE_LIMIT', 30),
    captchaRateLimit: int('CAPTCHA_RATE_LIMIT', 60),
    webDist: existsSync(webDist) ? webDist : null,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    trustProxy: process.env.TRUST_PROXY === 'true',
    publicUrl: publicUrl.replace(/\/+$/, ''),
  };
}
