// Load and demo traffic against a running backend:
//   npx tsx server/simulator/cli.ts --url http://127.0.0.1:4000 --rate 50 --duration 30
import { parseArgs } from 'node:util';
import { v4 as uuidv4 } from 'uuid';
import { DEMO_TENANT, DEMO_WEBHOOK_SECRET } from '../../shared/demo';
import { createRandom } from '../seed/prng';
import { startSimulator } from './simulator';
import { syntheticTargets } from './targets';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    rate: { type: 'string', default: '5' },
    duration: { type: 'string', default: '60' },
    tenant: { type: 'string', default: DEMO_TENANT.slug },
    secret: { type: 'string', default: DEMO_WEBHOOK_SECRET },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    customers: { type: 'string', default: '500' },
  },
});

const rate = Number(values.rate);
const duration = Number(values.duration);
const customers = Number(values.customers);
if (!values.url || !(rate > 0) || !(duration > 0) || !(customers > 0)) {
  console.error('Usage: cli.ts --url <backend url> [--rate msgs/s] [--duration seconds] [--customers n] [--tenant slug] [--secret s] [--seed n]');
  process.exit(2);
}

const random = createRandom(Number(values.seed));
let errors = 0;
const simulator = startSimulator({
  url: values.url,
  tenant: values.tenant,
  secret: values.secret,
  rate,
  newConversationShare: 0.1,
  maxInFlight: Math.max(8, Math.ceil(rate / 5)),
  targets: syntheticTargets(random, customers),
  random,
  newId: uuidv4,
  onError: (error) => {
    if (errors++ < 5) console.error(error instanceof Error ? error.message : error);
  },
});

const finish = async () => {
  await simulator.stop();
  console.log(JSON.stringify({ ...simulator.stats(), seconds: duration }));
};
const timer = setTimeout(() => void finish(), duration * 1000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearTimeout(timer);
    void finish();
  });
}
