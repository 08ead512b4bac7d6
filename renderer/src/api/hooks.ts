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

/** `select` may give the caller part of the answer (TData); the cache keeps the whole answer. */
type QueryExtras<M extends MethodName, TData> = Omit<UseQueryOptions<ResponseOf<M>, Error, TData>, 'queryKey' | 'queryFn'>;

export function useDeskQuery<M extends MethodName, TData = ResponseOf<M>>(method: M, request: RequestOf<M>, options?: QueryExtras<M, TData>) {
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
