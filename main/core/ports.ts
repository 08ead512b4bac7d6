// What the core needs from its host runtime, as interfaces. Electron provides OS-backed
// implementations (main/electron); host mode and tests use the plain ones in main/core.

/** Where the session (server URL, token, agent) is kept between runs. */
export interface SecretStore {
  read(): Promise<string | null>;
  write(value: string): Promise<void>;
  clear(): Promise<void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
