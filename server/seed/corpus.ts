// Support conversations the demo is made of. Placeholders: {first} customer's first name,
// {agent} agent's first name, {order} order number, {amount} money, {tracking} tracking number,
// {day} a weekday, {last4} last digits of a card.
export type Speaker = 'customer' | 'agent' | 'note';
export interface Line {
  who: Speaker;
  text: string;
}
export type QueueName = 'General' | 'Billing' | 'Technical';

export interface Script {
  subject: string;
  queue: QueueName;
  lines: readonly Line[];
}

const c = (text: string): Line => ({ who: 'customer', text });
const a = (text: string): Line => ({ who: 'agent', text });
const n = (text: string): Line => ({ who: 'note', text });

export const SCRIPTS: readonly Script[] = [
  {
    subject: 'Order {order} has not arrived',
    queue: 'General',
    lines: [
      c('Hi, my order {order} was supposed to arrive on {day} and it still is not here. Can you check what is going on?'),
      a('Hi {first}, I am sorry about the wait. Let me look up {order} for you.'),
      n('Carrier shows the parcel stuck at the regional depot since {day}. Opened a trace with the carrier.'),
      a('The parcel is held at the regional depot. I have asked the carrier to prioritise it; tracking number {tracking}.'),
      c('Thanks. Will it come tomorrow then?'),
      a('The carrier confirmed delivery for tomorrow before 6 pm. If it does not arrive I will send a replacement right away.'),
      c('Great, thank you {agent}!'),
    ],
  },
  {
    subject: 'Refund for returned item',
    queue: 'Billing',
    lines: [
      c('Hello, I sent back the jacket from order {order} two weeks ago and I have not had my refund yet.'),
      a('Hi {first}, thanks for letting us know. Could you confirm the return label number or the date you dropped it off?'),
      c('I dropped it off at the post office on {day}, the label ends in 4471.'),
      n('Return scanned into the warehouse 3 days ago, refund not triggered. Pushed it manually.'),
      a('Found it: the return reached our warehouse but the refund was not released. I have issued {amount} to your card ending {last4} just now.'),
      a('It usually shows up within 3–5 business days depending on your bank.'),
      c('Perfect, appreciate the quick help.'),
    ],
  },
  {
    subject: 'Cannot log in to my account',
    queue: 'Technical',
    lines: [
      c('I cannot log in. It keeps saying my password is wrong even after I reset it.'),
      a('Hi {first}, sorry about that. Are you using the link from the reset email, or signing in through the app?'),
      c('The app. I reset it in the browser and then tried in the app.'),
      a('The app may still have your old session cached. Could you sign out completely, close the app, and sign in again with the new password?'),
      c('Still the same error: "invalid credentials".'),
      n('Account was locked after 5 failed attempts. Unlocked in admin.'),
      a('Your account was temporarily locked after several attempts. I have unlocked it; please try once more.'),
      c('That worked, I am in. Thanks!'),
    ],
  },
  {
    subject: 'Charged twice',
    queue: 'Billing',
    lines: [
      c('I was charged twice for my subscription this month, {amount} each time. Please fix this.'),
      a('Hi {first}, I am sorry about the double charge. Let me check your billing history.'),
      n('Two captures 40 s apart; payment provider retried after a timeout. Refunding the second one.'),
      a('You are right: the payment was taken twice because of a timeout on our side. I have refunded the second charge of {amount}.'),
      c('OK. How long until I see it back?'),
      a('Refunds to card ending {last4} usually take 3–5 business days. You will also get a confirmation email today.'),
    ],
  },
  {
    subject: 'Wrong size delivered',
    queue: 'General',
    lines: [
      c('I ordered the sneakers in size 42 but got 44 in the box. Order {order}.'),
      a('Oh no, sorry {first}! I can send the right size straight away. Would you like 42 in the same colour?'),
      c('Yes please, same colour. Do I need to send the 44 back first?'),
      a('No need to wait. I have sent a free return label to your email; the size 42 ships today with tracking {tracking}.'),
      c('Brilliant, thank you.'),
    ],
  },
  {
    subject: 'Change delivery address',
    queue: 'General',
    lines: [
      c('Can I still change the delivery address for order {order}? I will be at my office on {day}.'),
      a('Hi {first}, the order has not shipped yet, so yes. What is the new address?'),
      c('Harbour House, 12 Quay Street, 3rd floor.'),
      a('Updated. The parcel will go to Harbour House, 12 Quay Street, 3rd floor. You will get the tracking link once it ships.'),
    ],
  },
  {
    subject: 'App crashes when uploading a photo',
    queue: 'Technical',
    lines: [
      c('The app closes every time I try to upload a photo for my return claim.'),
      a('Hi {first}, sorry about that. Which phone and app version are you on? You can find the version under Settings → About.'),
      c('Pixel 7, version 5.12.0'),
      n('Known crash in 5.12.0 with large HEIC images, fixed in 5.12.1 (rolling out).'),
      a('That version has a bug with large photos. Version 5.12.1 fixes it and is rolling out today. Meanwhile you can email the photo to returns@example.com with your order number.'),
      c('Updated the app and it works now.'),
      a('Great to hear! Your return claim is now in progress.'),
    ],
  },
  {
    subject: 'Invoice needed for my company',
    queue: 'Billing',
    lines: [
      c('Could you send me a VAT invoice for order {order}? I need the company name on it.'),
      a('Of course, {first}. What company name and VAT number should appear on the invoice?'),
      c('Northwind Trading Ltd, VAT GB 123 4567 89.'),
      a('Done: the invoice with Northwind Trading Ltd and your VAT number is in your email and in your account under Orders.'),
    ],
  },
  {
    subject: 'Damaged item',
    queue: 'General',
    lines: [
      c('My coffee machine arrived with a cracked water tank. I have photos.'),
      a('I am so sorry, {first}. Please send the photos here and I will arrange a replacement.'),
      c('Sent them just now.'),
      n('Photos confirm transit damage. Carrier claim filed.'),
      a('Thanks, I can see the damage. A replacement machine ships today and the courier will collect the damaged one on {day}.'),
      c('Thank you, that is really helpful.'),
    ],
  },
  {
    subject: 'Cancel my subscription',
    queue: 'Billing',
    lines: [
      c('I would like to cancel my subscription before the next renewal.'),
      a('Hi {first}, I can help with that. May I ask what made you decide to cancel?'),
      c('I just do not use it enough at the moment.'),
      a('Understood. Your subscription is cancelled and you keep access until the end of the current period. No further charges.'),
      c('Thanks for making it easy.'),
    ],
  },
  {
    subject: 'Promo code not working',
    queue: 'Billing',
    lines: [
      c('The code SPRING20 says it is invalid at checkout.'),
      a('Hi {first}, that code only applies to full-price items. Is anything in your basket already reduced?'),
      c('Ah yes, the bag is on sale.'),
      a('That explains it. I have applied 20% to the other items manually on order {order}; you will see the adjusted total in your confirmation email.'),
    ],
  },
  {
    subject: 'Two-factor codes not arriving',
    queue: 'Technical',
    lines: [
      c('I am not getting the SMS code to log in. I have tried 4 times.'),
      a('Hi {first}, sorry about that. Can you confirm the last 2 digits of the phone number on your account?'),
      c('It ends in 47 but I changed my number last month.'),
      n('Identity verified by order history. Number on file is outdated.'),
      a('Thanks for confirming. I have updated your number and sent a new code. You can also switch to an authenticator app under Security.'),
      c('Got the code, I am in now.'),
    ],
  },
];

/** Voice-call records: the transcript, then what the agent sent afterwards by SMS. */
export interface CallScript {
  queue: QueueName;
  transcript: readonly { speaker: 'customer' | 'agent'; text: string }[];
  followUp: string;
}

export const CALLS: readonly CallScript[] = [
  {
    queue: 'General',
    transcript: [
      { speaker: 'agent', text: 'Thanks for calling Acme Support, this is {agent}. How can I help?' },
      { speaker: 'customer', text: 'Hi, my parcel for order {order} shows as delivered but it is not here.' },
      { speaker: 'agent', text: 'Sorry to hear that. Did you check with neighbours or a safe place?' },
      { speaker: 'customer', text: 'Yes, nothing anywhere.' },
      { speaker: 'agent', text: 'I will open an investigation with the carrier and text you the case number.' },
    ],
    followUp: 'Hi {first}, as promised: case number for your missing parcel is C-{order}. We will update you within 48 hours.',
  },
  {
    queue: 'Billing',
    transcript: [
      { speaker: 'agent', text: 'Acme Support, {agent} speaking.' },
      { speaker: 'customer', text: 'I see a charge of {amount} I do not recognise.' },
      { speaker: 'agent', text: 'Let me check. That is the annual renewal of your plan from last year.' },
      { speaker: 'customer', text: 'I thought I had switched to monthly.' },
      { speaker: 'agent', text: 'I can switch you now and refund the difference.' },
    ],
    followUp: 'Hi {first}, your plan is now monthly and the difference has been refunded to card ending {last4}.',
  },
  {
    queue: 'Technical',
    transcript: [
      { speaker: 'agent', text: 'Hello, this is {agent} from Acme Support.' },
      { speaker: 'customer', text: 'The smart plug will not connect to my Wi-Fi.' },
      { speaker: 'agent', text: 'Is your router on the 5 GHz band only?' },
      { speaker: 'customer', text: 'I think it is both.' },
      { speaker: 'agent', text: 'The plug needs 2.4 GHz. I will text you the steps to pair it.' },
    ],
    followUp: 'Hi {first}, pairing steps: hold the button 5 s until it blinks fast, then pick your 2.4 GHz network in the app.',
  },
];

/** What a waiting customer writes next. */
export const FOLLOW_UPS: readonly string[] = [
  'Any update on this?',
  'Hello? Is anyone there?',
  'Just checked again and nothing has changed.',
  'I also sent you an email about this yesterday.',
  'Thanks, I will wait to hear back.',
  'Can you tell me roughly how long this will take?',
  'Sorry, one more question: can I still add something to the same order?',
  'The tracking page now says "exception". What does that mean?',
  'I have attached the screenshot now.',
  'OK, that makes sense.',
  'Perfect, thanks a lot!',
  'It is quite urgent, I need it before the weekend.',
];
