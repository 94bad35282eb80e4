import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { createBuiltInEngine, createModelEngine } from '@synoptic/chat-engine';
import { createDatasetCatalog } from '@synoptic/dataset-query';
import { createObjectStore, type ObjectStore } from '@synoptic/object-store';
import { createServer, isMigrated, type Pool, registerHealthRoutes } from '@synoptic/service-kit';
import { type ApiConfig, chatModelOf } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { registerAuthRoutes } from './modules/accounts/auth.routes.ts';
import { registerMeRoutes } from './modules/accounts/me.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { registerAuthentication, requireAuth } from './modules/auth/authenticate.ts';
import { registerCsrfProtection } from './modules/auth/csrf.ts';
import { registerChatRoutes } from './modules/chat/chat.routes.ts';
import { createChatService } from './modules/chat/chat.service.ts';
import { registerDatasetsRoutes } from './modules/datasets/datasets.routes.ts';
import { createDatasetsService } from './modules/datasets/datasets.service.ts';
import { registerInvitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { createInvitationsService } from './modules/invitations/invitations.service.ts';
import { createDownloadsService } from './modules/jobs/downloads.service.ts';
import { every } from './modules/jobs/job-background.ts';
import { createJobEvents } from './modules/jobs/job-events.ts';
import { registerJobStreamRoutes } from './modules/jobs/job-stream.routes.ts';
import { registerJobsRoutes } from './modules/jobs/jobs.routes.ts';
import { createJobsService, type JobsService } from './modules/jobs/jobs.service.ts';
import { registerPipelineEventsRoutes } from './modules/jobs/pipeline-events.routes.ts';
import { registerMembersRoutes } from './modules/members/members.routes.ts';
import { createMembersService } from './modules/members/members.service.ts';
import type { Action } from './modules/projects/policy.ts';
import { registerProjectAccess } from './modules/projects/project-access.ts';
import { registerProjectsRoutes } from './modules/projects/projects.routes.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { createRateLimiter } from './modules/rate-limits/rate-limiter.ts';
import { registerSamplesRoutes } from './modules/samples/samples.routes.ts';
import { createSamplesService, type SamplesService } from './modules/samples/samples.service.ts';
import { registerSessionsRoutes } from './modules/sessions/sessions.routes.ts';
import { createSessionsService } from './modules/sessions/sessions.service.ts';
import { registerTokensRoutes } from './modules/tokens/tokens.routes.ts';
import { createTokensService } from './modules/tokens/tokens.service.ts';
import { registerTwoFactorRoutes } from './modules/two-factor/two-factor.routes.ts';
import { createTwoFactorService } from './modules/two-factor/two-factor.service.ts';
import { registerOpenApi } from './openapi.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { createOutboxMailer, createSmtpMailer } from './platform/mailer.ts';
import { createPasswordHasher } from './platform/password-hasher.ts';
import type { PipelineClient } from './platform/pipeline-client.ts';
import { createSealedBox } from './platform/sealed-box.ts';
import { registerWebApp } from './web-app.ts';

export type ApiDeps = {
  config: ApiConfig;
  pool: Pool;
  pipeline: PipelineClient;
  clock?: Clock;
  /** Where project buckets live; built from the configuration when not given. */
  objectStore?: ObjectStore;
  /** Dispatcher, reconciler and retention sweep; off in tests that step them by hand. */
  backgroundTasks?: boolean;
  logStream?: NodeJS.WritableStream;
};

export type RouteRef = { method: string; url: string; projectAction?: Action | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route that needs a signed-in caller (a test proves each answers 401 without one). */
    authenticatedRoutes: RouteRef[];
    /** The jobs service, for tests that step the dispatcher and sweeps themselves. */
    jobs: JobsService;
    /** The samples service, for tests that wait for profiling or resume it themselves. */
    samples: SamplesService;
  }
}

/** Assembles the api from its dependencies; does no I/O of its own, so tests build it on any database. */
export async function buildApp(deps: ApiDeps) {
  const { config, pool, pipeline } = deps;
  const app = createServer({
    service: 'api',
    logLevel: config.LOG_LEVEL,
    trustProxy: config.TRUST_PROXY,
    ...(deps.logStream ? { logStream: deps.logStream } : {}),
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.PUBLIC_URL.startsWith('https:'),
  });
  await app.register(cookie);
  await registerOpenApi(app);
  registerHealthRoutes(app, {
    database: async () => {
      await pool.query('select 1');
    },
    migrations: async () => {
      if (!(await isMigrated(pool, { schema, dir: migrationsDir })))
        throw new Error('migrations not applied');
    },
    pipeline: () => pipeline.checkReady(),
  });

  const clock = deps.clock ?? systemClock;
  const secureCookies = config.PUBLIC_URL.startsWith('https:');
  const mailer = config.SMTP_URL
    ? createSmtpMailer(config.SMTP_URL, config.MAIL_FROM)
    : createOutboxMailer(config.MAIL_OUTBOX_DIR, config.MAIL_FROM, app.log);
  const sessions = createSessionsService(pool, clock, {
    idleTimeoutMinutes: config.SESSION_IDLE_TIMEOUT_MINUTES,
    maxAgeDays: config.SESSION_MAX_AGE_DAYS,
  });
  const tokens = createTokensService(pool, clock);
  const twoFactor = createTwoFactorService(pool, clock, createSealedBox(config.SECRETS_ENCRYPTION_KEY));
  const store = deps.objectStore ?? createObjectStore(config);
  const limiter = createRateLimiter(pool, clock);
  const catalog = createDatasetCatalog({
    cacheDir: config.VIEWER_CACHE_DIR,
    memoryLimit: config.VIEWER_MEMORY_LIMIT,
  });
  const datasets = createDatasetsService({ pool, store, catalog });
  const projects = createProjectsService({
    pool,
    store,
    clock,
    log: app.log,
    onJobOutputsDeleted: datasets.evict,
  });
  const members = createMembersService(pool);
  const invitations = createInvitationsService({
    pool,
    clock,
    mailer,
    publicUrl: config.PUBLIC_URL,
    log: app.log,
  });
  const chatModel = chatModelOf(config);
  const chat = createChatService({
    pool,
    datasets,
    engine: chatModel ? createModelEngine(chatModel) : createBuiltInEngine(),
    limiter,
    messagesPerUserPerMinute: config.CHAT_MESSAGES_PER_USER_PER_MINUTE,
    log: app.log,
  });
  const samples = createSamplesService({
    pool,
    store,
    clock,
    log: app.log,
    cacheDir: config.VIEWER_CACHE_DIR,
    maxBytes: config.SAMPLE_MAX_BYTES,
  });
  app.decorate('samples', samples);
  const jobEvents = createJobEvents(pool);
  const jobs = createJobsService({
    pool,
    pipeline,
    store,
    clock,
    limiter,
    limits: {
      jobsPerUserPerMinute: config.JOBS_PER_USER_PER_MINUTE,
      maxActiveJobsPerProject: config.MAX_ACTIVE_JOBS_PER_PROJECT,
      maxRowsPerJob: config.MAX_ROWS_PER_JOB,
      requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
    },
    callbackBaseUrl: config.CALLBACK_BASE_URL,
    log: app.log,
    notify: jobEvents.notify,
    onOutputsDeleted: datasets.evict,
    onLearningJobFinished: samples.releaseAfterFit,
  });
  app.decorate('jobs', jobs);
  const accounts = createAccountsService({
    pool,
    clock,
    hasher: createPasswordHasher(),
    mailer,
    limiter,
    sessions,
    twoFactor,
    publicUrl: config.PUBLIC_URL,
    log: app.log,
    projects,
  });

  registerCsrfProtection(app, [config.PUBLIC_URL]);
  registerAuthentication(app, { sessions, tokens });
  registerAuthRoutes(app, { accounts, sessions, secureCookies });

  app.decorate('authenticatedRoutes', [] as RouteRef[]);
  await app.register((scope, _options, done) => {
    scope.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          app.authenticatedRoutes.push({
            method,
            url: route.url,
            projectAction: route.config?.projectAction,
          });
        }
      }
    });
    scope.addHook('onRequest', async (request) => {
      requireAuth(request);
    });
    registerMeRoutes(scope, { accounts, secureCookies });
    registerSessionsRoutes(scope, { sessions });
    registerTokensRoutes(scope, { tokens });
    registerTwoFactorRoutes(scope, { twoFactor, accounts });
    registerProjectAccess(scope, pool);
    registerProjectsRoutes(scope, { projects });
    registerMembersRoutes(scope, { members });
    registerInvitationsRoutes(scope, { invitations });
    registerAuditRoutes(scope, { audit: createAuditService(pool) });
    registerJobsRoutes(scope, { jobs, downloads: createDownloadsService(pool, store) });
    registerJobStreamRoutes(scope, { pool, events: jobEvents });
    registerDatasetsRoutes(scope, { datasets });
    registerSamplesRoutes(scope, { samples, maxBytes: config.SAMPLE_MAX_BYTES });
    registerChatRoutes(scope, { chat });
    done();
  });
  await registerPipelineEventsRoutes(app, { pool, keys: config.PIPELINE_SIGNING_KEYS, jobs });

  if (deps.backgroundTasks !== false) {
    const stops: Array<() => Promise<void>> = [];
    app.addHook('onReady', async () => {
      stops.push(every(500, 'dispatch jobs', () => jobs.dispatchDue(), app.log));
      stops.push(every(10_000, 'reconcile jobs', () => jobs.reconcile(), app.log));
      stops.push(
        every(
          config.RETENTION_SWEEP_INTERVAL_MINUTES * 60_000,
          'retention sweep',
          () => jobs.sweepRetention(),
          app.log,
        ),
      );
      // Once at start, then now and then: profiling a stopped process left unfinished is taken over.
      const resumed = samples
        .resumeProfiling()
        .catch((err: unknown) => app.log.error({ err }, 'sample profiling not resumed'));
      stops.push(async () => void (await resumed));
      stops.push(every(5 * 60_000, 'resume sample profiling', () => samples.resumeProfiling(), app.log));
    });
    app.addHook('onClose', async () => {
      await Promise.all(stops.map((stop) => stop()));
    });
  }
  app.addHook('onClose', async () => {
    await samples.close();
    await jobEvents.close();
    await catalog.close();
  });

  if (config.WEB_DIST_DIR) await registerWebApp(app, config.WEB_DIST_DIR);
  return app;
}
