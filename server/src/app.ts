import { FILE_MAX_BYTES } from '@ce/shared';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { access } from './core/access';
import type { Config } from './core/config';
import type { Services } from './core/context';
import type { Database } from './core/db';
import { installCompression, serveWebApp } from './core/delivery';
import { installErrorHandler, installNulGuard } from './core/error-handler';
import type { FileStore } from './core/file-store';
import { openFileStore } from './core/file-store.open';
import { databaseCheck, healthRoutes } from './core/health';
import type { Api } from './core/http';
import { createJobQueue } from './core/jobs.pgboss';
import { installJsonBodyParser } from './core/json-body';
import { installMetrics } from './core/metrics';
import { fileStoreCheck, type ReadinessCheck, redisCheck } from './core/readiness-checks';
import { connectRedis } from './core/redis';
import { installRequestId, installRequestLog, requestLogOptions } from './core/request-id';
import { installSecurityHeaders, swaggerUiCsp } from './core/security-headers';
import { withSessionSecret } from './core/session-secret';
import type { SmsSender } from './core/sms';
import { smsGatewayFor } from './core/sms-gateway';
import { adminRoutes } from './modules/admin/admin.routes';
import { agentRoutes } from './modules/agents/agents.routes';
import { authoritiesRoutes } from './modules/authorities/authorities.routes';
import { certificatesRoutes } from './modules/certificates/certificates.routes';
import { fileRoutes } from './modules/files/files.routes';
import { authRoutes } from './modules/identity/auth.routes';
import { registrationRoutes } from './modules/identity/registration.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { institutionsRoutes } from './modules/institutions/institutions.routes';
import { orgsRoutes } from './modules/orgs/orgs.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { hrssReviewProvider, type IdentityProvider } from './modules/realname/identity-provider';
import { realnameRoutes } from './modules/realname/realname.routes';
import { recordsRoutes } from './modules/records/records.routes';
import { regionRoutes } from './modules/regions/regions.routes';
import { requirementsRoutes } from './modules/requirements/requirements.routes';
import { teachersRoutes } from './modules/teachers/teachers.routes';
import { todosRoutes } from './modules/todos/todos.routes';
import { workflowRoutes } from './modules/workflow/workflow.routes';

export interface AppOptions {
  /** the database; background jobs live in it too */
  database: Database;
  config: Config;
  sms?: SmsSender;
  identity?: IdentityProvider;
  /** the upload store; by default the one config.fileStore names */
  files?: FileStore;
  logger?: boolean;
  /** where the log lines go instead of stdout (a test reading them) */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole product: API, OpenAPI docs and the web app, on one Fastify instance. */
export async function buildApp(opts: AppOptions) {
  const config = await withSessionSecret(opts.database.db, opts.config);
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ...requestLogOptions,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installNulGuard(app);
  installMetrics(app, {
    token: config.metricsToken,
    poolStats: opts.database.poolStats,
    queueStats: () => services.jobs.stats(),
  });
  installRequestId(app);
  installRequestLog(app);
  installJsonBodyParser(app);

  const services: Services = {
    db: opts.database.db,
    config,
    files: opts.files ?? openFileStore(config),
    sms: opts.sms ?? smsGatewayFor(config).sender,
    identity: opts.identity ?? hrssReviewProvider,
    jobs: createJobQueue(opts.database, {
      expireSeconds: config.jobExpireSeconds,
      superviseSeconds: config.jobSuperviseSeconds,
      worker: config.jobsWorker,
      log: app.log,
    }),
  };
  // job types are defined by the routes below; the queue starts once they all are
  app.addHook('onReady', () => services.jobs.start());
  app.addHook('onClose', () => services.jobs.stop());

  installSecurityHeaders(app, config);
  // before any route: the plugin hooks each route as it is declared
  await installCompression(app);
  await app.register(fastifyCookie);
  // with REDIS_URL the counts live in Redis and every instance shares them; while Redis is down
  // requests pass uncounted (skipOnError) rather than nobody being able to log in, and /readyz says so
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, app.log) : null;
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: `${config.redisPrefix}rate-limit:`, skipOnError: true } : {}),
  });
  app.addHook('onClose', async () => {
    redis?.disconnect();
    services.files.close?.();
  });
  /** what /readyz asks besides the database */
  const readinessChecks: ReadinessCheck[] = [
    fileStoreCheck(services.files),
    ...(redis ? [redisCheck(redis)] : []),
  ];
  // one byte over the maximum: core/upload-part.ts counts the bytes itself and refuses any file over it
  await app.register(fastifyMultipart, { limits: { fileSize: FILE_MAX_BYTES + 1, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '专业技术人员继续教育管理系统 API',
        description:
          '所有接口（公开接口除外）需登录；修改类请求须带 x-csrf-token 请求头（值为 ce_csrf Cookie）。',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: swaggerUiCsp,
  });
  await app.register(access, { db: services.db, config });
  // /healthz, /readyz (outside /api): the database, the file store and Redis when configured
  const readiness = healthRoutes(app, [databaseCheck(services.db), ...readinessChecks]);

  const api = app as unknown as Api;
  authRoutes(api, services);
  registrationRoutes(api, services);
  regionRoutes(api);
  realnameRoutes(api, services);
  agentRoutes(api, services);
  fileRoutes(api, services);
  adminRoutes(api, services);
  orgsRoutes(api, services);
  peopleRoutes(api, services);
  workflowRoutes(api, services);
  recordsRoutes(api, services);
  requirementsRoutes(api, services);
  certificatesRoutes(api, services);
  todosRoutes(api, services);
  importsRoutes(api, services);
  institutionsRoutes(api, services);
  teachersRoutes(api, services);
  authoritiesRoutes(api, services);

  if (config.webDist) await serveWebApp(app, config.webDist);

  return { app, services, readiness, readinessChecks };
}
