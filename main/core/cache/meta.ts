// Small key/value state of the cache: the sync cursor, the snapshot in progress, the account the
// cache belongs to. Written inside the same transactions as the data it describes.
import type Database from 'better-sqlite3';
import { type WorkflowSettings, workflowSettingsSchema } from '../../../shared/domain';
import { parseJsonAs } from '../../../shared/parseJson';

/** A bootstrap in progress, persisted after every page so a crash or server kill resumes it. */
export interface SnapshotState {
  cursor: string | null;
  atSeq: number | null;
  done: number;
  total: number;
  /** A re-bootstrap after mustRefetch: drop the old server data together with the first page. */
  wipe: boolean;
}

export class Meta {
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly setStmt: Database.Statement<[string, string]>;
  private readonly delStmt: Database.Statement<[string]>;

  constructor(db: Database.Database, table = 'main.meta') {
    this.getStmt = db.prepare(`SELECT value FROM ${table} WHERE key = ?`);
    this.setStmt = db.prepare(
      `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    this.delStmt = db.prepare(`DELETE FROM ${table} WHERE key = ?`);
  }

  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null;
  }

  set(key: string, value: string | number | null): void {
    if (value === null) this.delStmt.run(key);
    else this.setStmt.run(key, String(value));
  }

  /** The sync cursor: the seq of the last change applied; null before the first bootstrap ends. */
  get lastSeq(): number | null {
    const v = this.get('last_seq');
    return v === null ? null : Number(v);
  }

  set lastSeq(seq: number | null) {
    this.set('last_seq', seq);
  }

  get snapshot(): SnapshotState | null {
    const v = this.get('snapshot');
    return v === null ? null : (JSON.parse(v) as SnapshotState);
  }

  set snapshot(state: SnapshotState | null) {
    this.set('snapshot', state === null ? null : JSON.stringify(state));
  }

  /** `serverUrl|tenantId|agentId` of the account whose data this file holds. */
  get owner(): string | null {
    return this.get('owner');
  }

  set owner(owner: string | null) {
    this.set('owner', owner);
  }

  /** The tenant's closure reasons and predefined tags, as of the last snapshot. */
  get workflow(): WorkflowSettings | null {
    const v = this.get('workflow');
    return v === null ? null : parseJsonAs(workflowSettingsSchema, v);
  }

  set workflow(settings: WorkflowSettings | null) {
    this.set('workflow', settings === null ? null : JSON.stringify(settings));
  }
}
