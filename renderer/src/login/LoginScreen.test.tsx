import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/ipc/result';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { LoginScreen } from './LoginScreen';

describe('LoginScreen', () => {
  it('prefills the server and shows a clear error on a wrong password', async () => {
    const desk = fakeDesk({
      'session.login': async () => {
        throw new DeskError('badCredentials', 'bad');
      },
    });
    await renderWithDesk(<LoginScreen defaultServerUrl="http://127.0.0.1:4700" />, desk);
    expect(screen.getByLabelText('Server URL')).toHaveProperty('value', 'http://127.0.0.1:4700');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'alex@acme.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.submit(screen.getByTestId('login-form'));
    expect((await screen.findByTestId('login-error')).textContent).toBe('Wrong email or password.');
    expect(desk.calls.at(-1)).toEqual({
      method: 'session.login',
      request: { serverUrl: 'http://127.0.0.1:4700', email: 'alex@acme.test', password: 'nope' },
    });
  });
});
