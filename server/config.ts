// Server configuration from command-line flags, falling back to environment variables.
// Pure: takes argv and env, returns a validated config or throws with a readable message.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_WORKFLOW, type WorkflowConfig } from './workflow/settings';

export const SEED_MODES = ['demo', 'minimal', 'none'] as const;
export type SeedMode = (typeof SEED_MODES)[number];

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  seed: SeedMode;
  simulate: boolean;
  carrierDelayScale: number;
  /** Keep at most this many change events per tenant; null = no count limit. */
  retainEvents: number | null;
  /** Keep change events at least this long (ms). */
  retainMs: number;
  databaseUrl: string | null;
  /** Shut down when stdin closes, so a crashed parent process never leaves the server behind. */
  exitOnStdinEnd: boolean;
  /** The built customer portal (dist/portal); null serves the portal API without pages. */
  portalDir: string | null;
  /** Demo customers whose portal sign-in links go into the listening line (0: none). */
  portalLinks: number;
  /** Append every envelope handed to a carrier adapter to this file (JSON lines): an audit trail. */
  outboundLog: string | null;
  workflow: WorkflowConfig;
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** Flag name → environment variable consulted when the flag is absent. */
const FLAGS = {
  port: 'PORT',
  'data-dir': 'DATA_DIR',
  seed: 'SEED',
  simulate: 'SIMULATE',
  'carrier-delay-scale': 'CARRIER_DELAY_SCALE',
  'retain-events': 'RETAIN_EVENTS',
  'retain-ms': 'RETAIN_MS',
  'exit-on-stdin-end': 'EXIT_ON_STDIN_END',
  'portal-dir': 'PORTAL_DIR',
  'portal-links': 'PORTAL_LINKS',
  'outbound-log': 'OUTBOUND_LOG',
  'closure-reasons': 'CLOSURE_REASONS',
  tags: 'TAGS',
  'auto-resolve-ms': 'AUTO_RESOLVE_MS',
  'abandon-ms': 'ABANDON_MS',
  'workflow-sweep-ms': 'WORKFLOW_SWEEP_MS',
} as const;
type FlagName = keyof typeof FLAGS;
const BOOLEAN_FLAGS: ReadonlySet<FlagName> = new Set(['simulate', 'exit-on-stdin-end']);

const boolish = z
  .enum(['', 'true', 'false', '1', '0'])
  .transform((v) => v === '' || v === 'true' || v === '1');

/** "Solved, Duplicate" → ["Solved", "Duplicate"]; at least one non-empty item. */
function commaList(maxItemLength: number) {
  return z
    .string()
    .transform((v) => v.split(',').map((item) => item.trim()).filter((item) => item.length > 0))
    .pipe(z.array(z.string().max(maxItemLength)).min(1, 'a comma-separated list'));
}

const rawSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  'data-dir': z.string().min(1).optional(),
  seed: z.enum(SEED_MODES).default('demo'),
  simulate: boolish.default(false),
  'carrier-delay-scale': z.coerce.number().nonnegative().max(1_000).default(1),
  'retain-events': z.coerce.number().int().positive().optional(),
  'retain-ms': z.coerce.number().int().positive().default(THIRTY_DAYS_MS),
  'exit-on-stdin-end': boolish.default(false),
  'portal-dir': z.string().min(1).optional(),
  'portal-links': z.coerce.number().int().min(0).max(20).default(0),
  'outbound-log': z.string().min(1).optional(),
  'closure-reasons': commaList(100).optional(),
  tags: commaList(40).optional(),
  'auto-resolve-ms': z.coerce.number().int().positive().default(DEFAULT_WORKFLOW.autoResolveMs),
  'abandon-ms': z.coerce.number().int().positive().default(DEFAULT_WORKFLOW.abandonMs),
  'workflow-sweep-ms': z.coerce.number().int().positive().default(DEFAULT_WORKFLOW.sweepMs),
});

function parseArgv(argv: readonly string[]): Partial<Record<FlagName, string>> {
  const out: Partial<Record<FlagName, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg.slice(2) : arg.slice(2, eq)) as FlagName;
    if (!(name in FLAGS)) throw new Error(`Unknown flag "--${name}". Known flags: ${Object.keys(FLAGS).map((f) => `--${f}`).join(', ')}.`);
    if (eq !== -1) out[name] = arg.slice(eq + 1);
    else if (BOOLEAN_FLAGS.has(name)) out[name] = 'true';
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`Flag "--${name}" needs a value.`);
      out[name] = value;
    }
  }
  return out;
}

export function loadConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaultDataDir: string,
  defaultPortalDir: string | null = null,
): ServerConfig {
  const flags = parseArgv(argv);
  const merged: Record<string, string> = {};
  for (const [flag, envName] of Object.entries(FLAGS) as [FlagName, string][]) {
    const value = flags[flag] ?? env[envName];
    if (value !== undefined) merged[flag] = value;
  }
  const parsed = rawSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid --${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'invalid value'}`);
  }
  const c = parsed.data;
  return {
    host: '127.0.0.1',
    port: c.port,
    dataDir: path.resolve(c['data-dir'] ?? defaultDataDir),
    seed: c.seed,
    simulate: c.simulate,
    carrierDelayScale: c['carrier-delay-scale'],
    retainEvents: c['retain-events'] ?? null,
    retainMs: c['retain-ms'],
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    exitOnStdinEnd: c['exit-on-stdin-end'],
    portalDir: c['portal-dir'] !== undefined ? path.resolve(c['portal-dir']) : defaultPortalDir,
    portalLinks: c['portal-links'],
    outboundLog: c['outbound-log'] ? path.resolve(c['outbound-log']) : null,
    workflow: {
      closureReasons: c['closure-reasons'] ?? DEFAULT_WORKFLOW.closureReasons,
      tags: c.tags ?? DEFAULT_WORKFLOW.tags,
      autoResolveMs: c['auto-resolve-ms'],
      abandonMs: c['abandon-ms'],
      sweepMs: c['workflow-sweep-ms'],
    },
  };
}
