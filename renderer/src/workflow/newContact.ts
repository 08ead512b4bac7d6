// What the agent typed in the new-conversation search, read as a new contact's address.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,30}$/;

/** A new phone number or email address, or null when the text is neither (then it is a search). */
export function newContactFrom(text: string): { phone: string } | { email: string } | null {
  const value = text.trim();
  if (EMAIL.test(value)) return { email: value.toLowerCase() };
  if (PHONE.test(value) && value.replace(/[^0-9]/g, '').length >= 5) return { phone: value };
  return null;
}
