import { describe, expect, it } from 'vitest';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../domain';
import { canApply, isClosed, nextStatus, WORKFLOW_ACTIONS, type WorkflowAction } from './transitions';

describe('conversation transitions', () => {
  it.each<[ConversationStatus, WorkflowAction, ConversationStatus | null]>([
    ['queued', 'accept', 'active'],
    ['active', 'accept', null],
    ['resolved', 'accept', null],
    ['queued', 'assign', 'active'],
    ['pending', 'transferToAgent', 'active'],
    ['active', 'transferToQueue', 'queued'],
    ['queued', 'transferToQueue', 'queued'],
    ['resolved', 'transferToQueue', null],
    ['active', 'setPending', 'pending'],
    ['pending', 'setActive', 'active'],
    ['pending', 'customerReplied', 'active'],
    ['queued', 'customerReplied', 'queued'],
    ['resolved', 'customerReplied', null],
    ['pending', 'resolve', 'resolved'],
    ['resolved', 'resolve', null],
    ['queued', 'autoResolve', null],
    ['pending', 'autoResolve', 'resolved'],
    ['queued', 'abandon', 'abandoned'],
    ['active', 'abandon', null],
    ['resolved', 'reopen', 'active'],
    ['abandoned', 'reopen', 'active'],
    ['active', 'reopen', null],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(canApply(from, action)).toBe(to !== null);
  });

  it('closed conversations accept nothing but a reopen', () => {
    for (const status of CONVERSATION_STATUSES.filter(isClosed)) {
      const allowed = WORKFLOW_ACTIONS.filter((a) => canApply(status, a));
      expect(allowed).toEqual(['reopen']);
    }
  });

  it('every action leads somewhere from at least one status', () => {
    for (const action of WORKFLOW_ACTIONS) {
      expect(CONVERSATION_STATUSES.some((s) => canApply(s, action))).toBe(true);
    }
  });
});
