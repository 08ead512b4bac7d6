// Every call to the core goes through these hooks, so keys and error handling stay uniform.
import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { useDeskApi } from './ApiContext';
import { callDesk } from './call';
import { deskKey } from './queryKeys';

type QueryExtras<M extends MethodName> = Omit<UseQueryOptions<ResponseOf<M>>, 'queryKey' | 'queryFn'>;

export function useDeskQuery<M extends MethodName>(method: M, request: RequestOf<M>, options?: QueryExtras<M>) {
  const api = useDeskApi();
  return useQuery({
    ...options,
    queryKey: deskKey(method, request),
    queryFn: () => callDesk(api, method, request),
  });
}

type MutationExtras<M extends MethodName> = Omit<UseMutationOptions<ResponseOf<M>, Error, RequestOf<M>>, 'mutationFn'>;

export function useDeskMutation<M extends MethodName>(method: M, options?: MutationExtras<M>) {
  const api = useDeskApi();
  return useMutation({
    ...options,
    mutationFn: (request: RequestOf<M>) => callDesk(api, method, request),
  });
}
