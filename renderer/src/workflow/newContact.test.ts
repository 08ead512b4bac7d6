import { describe, expect, it } from 'vitest';
import { newContactFrom } from './newContact';

describe('newContactFrom', () => {
  it('reads phone numbers and email addresses, and leaves names to the search', () => {
    expect(newContactFrom(' +49 151 2345-678 ')).toEqual({ phone: '+49 151 2345-678' });
    expect(newContactFrom('Ann@Example.com')).toEqual({ email: 'ann@example.com' });
    expect(newContactFrom('Ann Lee')).toBeNull();
    expect(newContactFrom('12')).toBeNull();
  });
});
