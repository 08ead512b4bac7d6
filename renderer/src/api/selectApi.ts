// Picks how the renderer reaches the core. In Electron the preload script exposes the contract as
// `window.agentDesk`; in host mode the core runs under Node and the page talks to it over the
// WebSocket bridge, authenticated with the token the host printed in the page URL.
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM, connectBridge, type BridgeClient, type WebSocketLike } from '../../../shared/ipc/bridge';
import type { DeskApi } from '../../../shared/ipc/contract';

export type ApiConnection =
  | { kind: 'electron'; api: DeskApi }
  | { kind: 'bridge'; api: DeskApi; client: BridgeClient }
  /** Host mode opened without the token: the bridge would refuse us. */
  | { kind: 'missingToken' };

export interface ApiEnvironment {
  agentDesk?: DeskApi;
  location: { protocol: string; host: string; search: string };
}

export function bridgeUrl(location: ApiEnvironment['location'], token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

export function selectApi(env: ApiEnvironment, createSocket: (url: string) => WebSocketLike): ApiConnection {
  if (env.agentDesk) return { kind: 'electron', api: env.agentDesk };
  const token = new URLSearchParams(env.location.search).get(BRIDGE_TOKEN_PARAM);
  if (!token) return { kind: 'missingToken' };
  const client = connectBridge(bridgeUrl(env.location, token), createSocket);
  return { kind: 'bridge', api: client.api, client };
}
