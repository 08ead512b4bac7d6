import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from './deepLink';

describe('parseDeepLink', () => {
  it('reads agentdesk://conversation/<id>', () => {
    expect(parseDeepLink('agentdesk://conversation/c-0193a1b2')).toBe('c-0193a1b2');
    expect(parseDeepLink('AgentDesk://conversation/abc_1/')).toBe('abc_1');
  });
  it('refuses anything else', () => {
    for (const link of [
      'agentdesk://conversation/',
      'agentdesk://conversation/a/b',
      'agentdesk://conversation/..%2F..%2Fsecret',
      'agentdesk://conversation/%E0%A4%A',
      'agentdesk://conversation/a?x=1',
      'agentdesk://settings/x',
      'https://conversation/abc',
      `agentdesk://conversation/${'a'.repeat(101)}`,
      'agentdesk://conversation/<script>',
    ]) {
      expect(parseDeepLink(link), link).toBeNull();
    }
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among the arguments a second launch passes', () => {
    expect(deepLinkFromArgv(['/opt/Agent Desk/agent-desk', '--no-sandbox', 'agentdesk://conversation/c1'])).toBe('c1');
    expect(deepLinkFromArgv(['/opt/agent-desk', 'agentdesk://conversation/../x'])).toBeNull();
    expect(deepLinkFromArgv(['/opt/agent-desk'])).toBeNull();
  });
});
