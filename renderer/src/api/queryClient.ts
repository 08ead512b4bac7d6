import { QueryClient } from '@tanstack/react-query';

// The core pushes a `changed` notice whenever cached data changes, so nothing goes stale on a
// timer and local IPC errors are deterministic: retrying them would only delay the message.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
