// Names and addresses for demo customers. Phone numbers use ranges reserved for fiction and
// email addresses use example domains, so nothing here can reach a real person.
import { pick, type Random } from './prng';

const FIRST_NAMES = [
  'Maria', 'James', 'Aisha', 'Lukas', 'Sofia', 'Mateo', 'Priya', 'Noah', 'Yuki', 'Olivia', 'Omar', 'Emma',
  'Ivan', 'Chloe', 'Diego', 'Hannah', 'Kwame', 'Lea', 'Ravi', 'Grace', 'Tomás', 'Nora', 'Samuel', 'Fatima',
  'Liam', 'Elena', 'Jonas', 'Amara', 'Hiroshi', 'Isabel', 'Ethan', 'Zara', 'Mikael', 'Lucía', 'Daniel',
  'Ayesha', 'Felix', 'Mei', 'Oscar', 'Nadia', 'Ben', 'Ingrid', 'Carlos', 'Leila', 'Patrick', 'Anya', 'Kofi',
  'Julia', 'Marco', 'Sara',
] as const;

const LAST_NAMES = [
  'Garcia', 'Smith', 'Khan', 'Müller', 'Rossi', 'Fernández', 'Patel', 'Johnson', 'Tanaka', 'Brown', 'Haddad',
  'Dubois', 'Petrov', 'Martin', 'Silva', 'Becker', 'Mensah', 'Laurent', 'Sharma', 'Wilson', 'Costa',
  'Lindqvist', 'Okoye', 'Rahman', 'Murphy', 'Novak', 'Weber', 'Adeyemi', 'Sato', 'Moreno', 'Clarke', 'Ali',
  'Nieminen', 'Herrera', 'Cohen', 'Hussain', 'Schulz', 'Chen', 'Andersson', 'Karimi', 'O’Brien', 'Hansen',
  'Ruiz', 'Nasser', 'Walsh', 'Ivanova', 'Boateng', 'Keller', 'Ricci', 'Nguyen',
] as const;

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'] as const;

export interface Person {
  name: string;
  firstName: string;
  phone: string;
  email: string;
  psid: string;
}

function asciiLocalPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

/** A fictional phone number: US 555-01xx, UK 07700 900xxx or an Australian 0491 570 range. */
function phoneNumber(random: Random): string {
  const style = random();
  if (style < 0.5) return `+1 555 01${digits(random, 2)} ${digits(random, 4)}`;
  if (style < 0.8) return `+44 7700 900${digits(random, 3)}`;
  return `+61 491 570 ${digits(random, 3)}`;
}

export function makePeople(random: Random, count: number): Person[] {
  const used = new Set<string>();
  const people: Person[] = [];
  while (people.length < count) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const name = `${firstName} ${lastName}`;
    if (used.has(name)) continue;
    used.add(name);
    let phone = phoneNumber(random);
    while (used.has(phone)) phone = phoneNumber(random);
    used.add(phone);
    const separator = pick(random, ['.', '_', '']);
    people.push({
      name,
      firstName,
      phone,
      email: `${asciiLocalPart(firstName)}${separator}${asciiLocalPart(lastName)}@${pick(random, EMAIL_DOMAINS)}`,
      psid: `${intDigitsNoLeadingZero(random, 16)}`,
    });
  }
  return people;
}

function intDigitsNoLeadingZero(random: Random, count: number): string {
  return `${1 + Math.floor(random() * 9)}${digits(random, count - 1)}`;
}
