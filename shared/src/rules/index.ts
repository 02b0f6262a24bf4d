export * from './id-number';
export * from './login-name';
export * from './mask';
export * from './password';
export * from './unit-code';
