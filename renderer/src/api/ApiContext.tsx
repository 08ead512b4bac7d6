import { createContext, useContext, type ReactNode } from 'react';
import type { DeskApi } from '../../../shared/ipc/contract';

const ApiContext = createContext<DeskApi | null>(null);

export function ApiProvider({ api, children }: { api: DeskApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useDeskApi(): DeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useDeskApi needs an <ApiProvider> above it.');
  return api;
}
