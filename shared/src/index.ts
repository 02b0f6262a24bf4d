import { z } from 'zod';

// Chinese messages for every zod error that has no message of its own (zod 4 defaults to English).
z.config(z.locales.zhCN());

export * from './access';
export * from './api/admin';
export * from './api/agents';
export * from './api/authorities';
export * from './api/certificate-settings';
export * from './api/certificates';
export * from './api/common';
export * from './api/files';
export * from './api/identity';
export * from './api/imports';
export * from './api/institutions';
export * from './api/labels';
export * from './api/orgs';
export * from './api/people';
export * from './api/realname';
export * from './api/records';
export * from './api/requirements';
export * from './api/teachers';
export * from './api/todos';
export * from './api/workflow';
export * from './audit-actions';
export * from './audit-format';
export * from './dicts';
export * from './errors';
export * from './rules';
export * from './workflow-states';
