export * from './beijing-time';
export * from './id-number';
export * from './login-name';
export * from './mask';
export * from './password';
export * from './records';
export * from './requirements';
export * from './unit-code';
