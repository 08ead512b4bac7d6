// Workflow calls as the screens use them: the team (agents, queues, reasons, tags) and actions
// whose failures become a toast in plain words. Actions are queued in the core's outbox, so they
// succeed at once; a later refusal by the server arrives as a notice.
import type { MethodName, RequestOf } from '../../../shared/ipc/contract';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { useToasts } from '../toasts/ToastContext';

export function useTeam() {
  return useDeskQuery('team.get', {}, { staleTime: 30_000 });
}

type ActionName =
  | 'conversation.accept'
  | 'conversation.transfer'
  | 'conversation.resolve'
  | 'conversation.reopen'
  | 'conversation.setStatus'
  | 'conversation.tag'
  | 'conversation.pin'
  | 'agent.setStatus';

/** A workflow action: `run(request)`; a refusal shows as an error toast with the core's reason, translated. */
export function useAction<M extends ActionName & MethodName>(method: M, onDone?: () => void) {
  const toasts = useToasts();
  const mutation = useDeskMutation(method, {
    onSuccess: () => onDone?.(),
    onError: (error) => toasts.show({ message: { failed: 'workflow.actionFailed', error }, tone: 'error' }),
  });
  // mutate is stable across renders, so callers can list `run` in their dependencies.
  const run: (request: RequestOf<M>) => void = mutation.mutate;
  return { run, pending: mutation.isPending };
}
