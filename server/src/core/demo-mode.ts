/**
 * Demo mode: the 短信发件箱 shows phone numbers and SMS codes in full, so that a demo (or a browser
 * test) can read the code a person was "sent". Off in production; on by default only for the
 * embedded database outside production (`npm start`); DEMO_MODE=true|false overrides.
 */
export function demoModeFrom(env: NodeJS.ProcessEnv, databaseUrl: string | null): boolean {
  const given = env.DEMO_MODE;
  if (given === 'true') return true;
  if (given === 'false') return false;
  if (given !== undefined && given !== '') {
    throw new Error(`环境变量 DEMO_MODE 应为 true 或 false，当前为 ${given}`);
  }
  return databaseUrl === null && env.NODE_ENV !== 'production';
}
