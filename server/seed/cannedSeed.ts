// The demo team's canned messages, by category, using the template variables agents will meet.
import type { CannedMessage } from '../../shared/domain';

type Seeded = Pick<CannedMessage, 'title' | 'shortcut' | 'category' | 'body'>;

export const DEMO_CANNED: readonly Seeded[] = [
  { category: 'Welcome', shortcut: 'hi', title: 'Greeting', body: 'Hi {{first_name | "there"}}, thanks for getting in touch! I’m {{agent_name}} and I’ll help you today.' },
  { category: 'Welcome', shortcut: 'thanks', title: 'Thanks for waiting', body: 'Thanks for your patience, {{first_name | "there"}}. I’m looking into this now.' },
  { category: 'Appointment confirmation', shortcut: 'booked', title: 'Service booked', body: 'Hi {{first_name}}, your {{vehicle.make}} {{vehicle.model}} ({{vehicle.registration}}) is booked in for {{appointment.date}}. See you then!' },
  { category: 'Appointment confirmation', shortcut: 'visit', title: 'Technician visit', body: 'Hi {{first_name}}, our technician will visit on {{appointment.date}} for job {{order.number}}. Reply here if the time does not suit you.' },
  { category: 'Follow-up', shortcut: 'ready', title: 'Vehicle ready', body: 'Good news {{first_name}}: {{vehicle.registration}} is ready for collection. The total for {{order.number}} is {{order.amount}}.' },
  { category: 'Follow-up', shortcut: 'shipped', title: 'Order shipped', body: 'Hi {{first_name}}, order {{order.number}} is on its way and should arrive by {{order.date}}.' },
  { category: 'Follow-up', shortcut: 'check', title: 'Checking in', body: 'Hi {{first_name | "there"}}, just checking that everything is sorted on your side. Anything else I can help with?' },
  { category: 'Payment reminder', shortcut: 'pay', title: 'Payment reminder', body: 'Hi {{first_name}}, a friendly reminder that {{order.amount}} for {{order.number}} is due. You can pay by card on the phone or by bank transfer.' },
  { category: 'Payment reminder', shortcut: 'refund', title: 'Refund on its way', body: 'Hi {{first_name}}, your refund has been issued. It usually shows up within 3–5 business days.' },
  { category: 'Loyalty', shortcut: 'points', title: 'Loyalty balance', body: 'You have {{loyalty.points}} points, {{first_name}}. They can be used at checkout.' },
  { category: 'Closing', shortcut: 'bye', title: 'Goodbye', body: 'Glad I could help, {{first_name | "there"}}. Have a great day! — {{agent_name}}' },
];
