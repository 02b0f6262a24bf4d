import { z } from 'zod';

// Chinese messages for every zod error that has no message of its own (zod 4 defaults to English).
z.config(z.locales.zhCN());

export * from './access';
export * from './api/admin';
export * from './api/agents';
export * from './api/common';
export * from './api/files';
export * from './api/identity';
export * from './api/realname';
export * from './audit-actions';
export * from './errors';
export * from './rules';
