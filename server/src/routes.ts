import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { conversionRoutes } from './modules/conversion/conversion.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.js';
import { networkRoutes } from './modules/network/network.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { reformRoutes } from './modules/reform/reform.routes.js';
import { reportingRoutes } from './modules/reporting/reporting.routes.js';
import { skillsRoutes } from './modules/skills/skills.routes.js';
import { authRoutes } from './modules/users/auth.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { workersRoutes } from './modules/workers/workers.routes.js';
import type { Database } from './platform/db/database.js';

/** Every module's routes, explicitly. */
export async function registerRoutes(app: FastifyInstance, deps: { database: Database; config: Config }) {
  await app.register(healthRoutes, { database: deps.database, version: deps.config.version });
  await app.register(authRoutes, { secureCookies: deps.config.secureCookies, sessionHours: deps.config.sessionHours });
  await app.register(orgRoutes);
  await app.register(networkRoutes);
  await app.register(usersRoutes);
  await app.register(workersRoutes);
  await app.register(importsRoutes);
  await app.register(auditRoutes);
  await app.register(reformRoutes);
  await app.register(conversionRoutes);
  await app.register(skillsRoutes);
  await app.register(reportingRoutes);
  await app.register(indicatorsRoutes);
}
