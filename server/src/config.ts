import path from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  CHANGAI_DATA_DIR: z.string().min(1).default('data'),
  CHANGAI_DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  CHANGAI_DEMO: flag.default(true),
  CHANGAI_DEMO_SCALE: z.coerce.number().min(0).max(2).default(0.01),
  CHANGAI_SECURE_COOKIES: flag.optional(),
  CHANGAI_TRUST_PROXY: flag.default(false),
  CHANGAI_SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dataKey: string | undefined;
  demo: boolean;
  /** Size of the demo worker registry loaded on first start (0: none). */
  demoScale: number;
  secureCookies: boolean;
  trustProxy: boolean;
  sessionHours: number;
  logLevel: string;
  version: string;
};

export const APP_VERSION = '0.1.0';

/** Parses the environment once; the only reader of process.env. Fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, string | undefined> = {}): Config {
  // An empty variable (`DATABASE_URL=`) means unset.
  const merged = { ...env, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const present = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CHANGAI_DATA_DIR),
    dataKey: e.CHANGAI_DATA_KEY,
    demo: e.CHANGAI_DEMO,
    demoScale: e.CHANGAI_DEMO_SCALE,
    secureCookies: e.CHANGAI_SECURE_COOKIES ?? e.NODE_ENV === 'production',
    trustProxy: e.CHANGAI_TRUST_PROXY,
    sessionHours: e.CHANGAI_SESSION_HOURS,
    logLevel: e.LOG_LEVEL,
    version: APP_VERSION,
  };
}

/** Test databases: TEST_DATABASE_URL selects PostgreSQL, otherwise in-memory PGlite. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}

/** The environment as a child process should inherit it (CLI tests spawn `changai`). */
export function inheritedEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
