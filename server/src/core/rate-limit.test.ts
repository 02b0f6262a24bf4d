import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/client';
import { startTestApp, type TestApp } from '../test/harness';

/**
 * Rate limits per purpose (per IP): a certificate desk scanning a queue of QR codes is held to
 * CERT_VERIFY_RATE_LIMIT, not to the login's AUTH_RATE_LIMIT, and neither uses up the other.
 */
const AUTH = 3;
const VERIFY = 40;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ authRateLimit: AUTH, certificateVerifyRateLimit: VERIFY });
});
afterAll(() => t.close());

const check = async (ip: string) => {
  const r = await new Client(t, ip).get('/api/public/certificates/GD2025000001');
  return r.status === 429 ? 429 : r.error.message;
};
const login = async (ip: string) => (await new Client(t, ip).post('/api/auth/login', {})).status;

describe('rate limits per purpose', () => {
  it('the certificate check answers well past the login limit, up to its own', async () => {
    const desk = '198.51.100.20';
    const answers: (string | number)[] = [];
    for (let i = 0; i < VERIFY + 1; i += 1) answers.push(await check(desk));
    // an unknown number: every scan is answered, the one past CERT_VERIFY_RATE_LIMIT is refused
    expect(answers.slice(0, VERIFY)).toEqual(Array(VERIFY).fill('证书编号不存在'));
    expect(answers[VERIFY]).toBe(429);
    // the scans did not use up the login allowance of that address; the login keeps its own number
    const logins: number[] = [];
    for (let i = 0; i < AUTH + 1; i += 1) logins.push(await login(desk));
    expect(logins).toEqual([400, 400, 400, 429]);
  });

  it('logins up to their limit leave the certificate check open', async () => {
    const ip = '198.51.100.21';
    for (let i = 0; i < AUTH; i += 1) expect(await login(ip)).toBe(400);
    expect(await login(ip)).toBe(429);
    expect(await check(ip)).toBe('证书编号不存在');
  });
});
