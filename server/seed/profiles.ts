// Demo profiles: every demo customer is a customer of one of three businesses the demo team
// supports (a garage, a shop, a field-service company), with the linked records that business
// keeps. Pure and seeded; it draws from its own random stream so the conversations stay as they are.
import type { ContactProfile, ConversationLink, Lifecycle, Order, Vehicle } from '../../shared/domain';
import type { Person } from './people';
import { intBetween, pick, type Random } from './prng';

const DAY = 24 * 60 * 60 * 1000;

export const BUSINESSES = ['garage', 'shop', 'fieldService'] as const;
export type Business = (typeof BUSINESSES)[number];

const CARS = [
  ['Ford', 'Focus'], ['Volkswagen', 'Golf'], ['Toyota', 'Corolla'], ['Vauxhall', 'Corsa'], ['BMW', '3 Series'],
  ['Nissan', 'Qashqai'], ['Kia', 'Sportage'], ['Renault', 'Clio'], ['Skoda', 'Octavia'], ['Honda', 'Civic'],
] as const;
const GARAGE_JOBS = ['Annual service', 'MOT test', 'Brake pads and discs', 'Clutch replacement', 'Tyre change', 'Air-con regas'] as const;
const SHOP_ITEMS = ['Running shoes', 'Rain jacket', 'Wireless headphones', 'Coffee grinder', 'Desk lamp', 'Backpack', 'Yoga mat'] as const;
const FIELD_JOBS = ['Boiler repair', 'Boiler service', 'Radiator replacement', 'Leak inspection', 'Thermostat install'] as const;
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Park Avenue', 'Victoria Road', 'Green Lane'] as const;
const TOWNS = ['Exampleton', 'Fictiv Bay', 'Demoford', 'Sampleby', 'Testbury'] as const;
const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';

export interface DemoProfile {
  business: Business;
  profile: ContactProfile;
}

function registration(random: Random): string {
  const l = () => LETTERS[Math.floor(random() * LETTERS.length)];
  return `${l()}${l()}${intBetween(random, 10, 74)} ${l()}${l()}${l()}`;
}

const gbp = (random: Random, min: number, max: number) => ({ minor: intBetween(random, min, max) * 100 + pick(random, [0, 50, 99]), currency: 'GBP' });

export function demoProfile(random: Random, person: Person, index: number, now: number, newId: () => string): DemoProfile {
  const business = BUSINESSES[index % BUSINESSES.length]!;
  const address = `${intBetween(random, 1, 180)} ${pick(random, STREETS)}, ${pick(random, TOWNS)}`;
  const lifecycle: Lifecycle = pick(random, ['customer', 'customer', 'customer', 'vip', 'lead'] as const);
  const profile: ContactProfile = {
    address,
    lifecycle,
    identities: [
      { channel: 'whatsapp', handle: person.phone },
      { channel: 'email', handle: person.email },
      { channel: 'messenger', handle: person.psid },
    ],
    attributes: {},
    vehicles: [],
    orders: [],
    appointments: [],
    loyalty: null,
    vouchers: [],
    notes: [],
  };
  const at = (days: number) => now + Math.round(days * DAY);

  if (business === 'garage') {
    const count = random() < 0.3 ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const [make, model] = pick(random, CARS);
      profile.vehicles.push({ id: newId(), registration: registration(random), make, model, year: intBetween(random, 2008, 2024) });
    }
    const vehicle = profile.vehicles[0]!;
    profile.orders.push(
      workOrder(random, newId, `WO-${intBetween(random, 1000, 1999)}`, pick(random, GARAGE_JOBS), 'scheduled', at(intBetween(random, 1, 14)), vehicle),
      workOrder(random, newId, `WO-${intBetween(random, 100, 999)}`, pick(random, GARAGE_JOBS), 'completed', at(-intBetween(random, 30, 300)), vehicle),
    );
    profile.appointments.push({ id: newId(), at: profile.orders[0]!.scheduledAt!, title: profile.orders[0]!.title, location: 'Acme Motors, Bay 2' });
    profile.attributes = { preferred_contact: pick(random, ['WhatsApp', 'Phone', 'Email']), courtesy_car: pick(random, ['yes', 'no']) };
  } else if (business === 'shop') {
    for (let i = 0, n = intBetween(random, 1, 3); i < n; i++) {
      const placed = at(-intBetween(random, 1, 120));
      const status = i === 0 ? pick(random, ['open', 'shipped'] as const) : 'completed';
      profile.orders.push({
        id: newId(), kind: 'order', number: `#${intBetween(random, 50_000, 59_999)}`, title: pick(random, SHOP_ITEMS), status,
        scheduledAt: status === 'completed' ? null : placed + intBetween(random, 2, 6) * DAY, amount: gbp(random, 12, 240), vehicleId: null, createdAt: placed,
      });
    }
    profile.loyalty = { points: intBetween(random, 0, 60) * 50, tier: pick(random, ['Bronze', 'Silver', 'Gold']) };
    profile.vouchers.push({ id: newId(), code: `WELCOME${intBetween(random, 10, 99)}`, description: '10% off the next order', expiresAt: at(intBetween(random, 10, 90)), redeemed: false });
    if (random() < 0.5) profile.vouchers.push({ id: newId(), code: `SPRING${intBetween(random, 10, 99)}`, description: '£5 off over £50', expiresAt: at(-intBetween(random, 1, 60)), redeemed: true });
    profile.attributes = { membership: profile.loyalty.tier ?? 'Bronze', newsletter: pick(random, ['yes', 'no']) };
  } else {
    const visit = at(intBetween(random, 1, 10) + 0.4);
    profile.orders.push(workOrder(random, newId, `JOB-${intBetween(random, 2000, 2999)}`, pick(random, FIELD_JOBS), 'scheduled', visit, null));
    if (random() < 0.6) profile.orders.push(workOrder(random, newId, `JOB-${intBetween(random, 1000, 1999)}`, pick(random, FIELD_JOBS), 'completed', at(-intBetween(random, 20, 200)), null));
    profile.appointments.push({ id: newId(), at: visit, title: `Technician visit: ${profile.orders[0]!.title}`, location: address });
    profile.attributes = { property_type: pick(random, ['Flat', 'House', 'Office']), access_notes: pick(random, ['Ring twice', 'Key with neighbour', 'Parking at the back']) };
  }
  if (random() < 0.4) profile.notes.push({ id: newId(), body: pick(random, ['Prefers morning calls.', 'Asked for invoices by email.', 'Long-time customer, be generous with goodwill.', 'Hard of hearing: prefer text.']), authorAgentId: null, createdAt: at(-intBetween(random, 5, 200)) });
  return { business, profile };
}

function workOrder(random: Random, newId: () => string, number: string, title: string, status: Order['status'], scheduledAt: number, vehicle: Vehicle | null): Order {
  return { id: newId(), kind: 'workOrder', number, title, status, scheduledAt, amount: gbp(random, 40, 900), vehicleId: vehicle?.id ?? null, createdAt: scheduledAt - 7 * DAY };
}

/** What a demo conversation is about: mostly the customer's vehicle or current order, sometimes a general enquiry. */
export function demoLink(random: Random, profile: ContactProfile): ConversationLink | null {
  if (random() < 0.25) return null;
  const vehicle = profile.vehicles[0];
  if (vehicle) return { type: 'vehicle', id: vehicle.id, label: `${vehicle.registration} · ${vehicle.make} ${vehicle.model}` };
  const order = profile.orders[0];
  return order ? { type: 'order', id: order.id, label: `${order.number} · ${order.title}` } : null;
}
