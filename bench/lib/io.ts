// The bytes a step moved, from Linux's /proc/self/io (every thread of this process): what reached
// the disk's queue and what went through read and write calls, most of which the kernel's page
// cache serves. On a shared machine byte counts move far less between runs than times do.
import fs from 'node:fs';

export interface IoCounters {
  /** Bytes read and written through system calls (the page cache serves most). */
  rchar: number;
  wchar: number;
  /** Bytes fetched from storage, and bytes dirtied in the page cache for storage. */
  readBytes: number;
  writeBytes: number;
}

/** Megabytes moved between two readings. */
export interface IoMegabytes {
  readMB: number;
  writeMB: number;
  callsReadMB: number;
  callsWriteMB: number;
}

export function parseIo(text: string): IoCounters {
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rchar: field('rchar'), wchar: field('wchar'), readBytes: field('read_bytes'), writeBytes: field('write_bytes') };
}

/** This process's counters so far, or null without /proc. */
export function ownIo(): IoCounters | null {
  try {
    return parseIo(fs.readFileSync('/proc/self/io', 'utf8'));
  } catch {
    return null;
  }
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export function ioBetween(before: IoCounters | null, after: IoCounters | null): IoMegabytes | null {
  if (!before || !after) return null;
  return {
    readMB: mb(after.readBytes - before.readBytes),
    writeMB: mb(after.writeBytes - before.writeBytes),
    callsReadMB: mb(after.rchar - before.rchar),
    callsWriteMB: mb(after.wchar - before.wchar),
  };
}

export function ioText(io: IoMegabytes | null): string {
  if (!io) return 'I/O not measured (no /proc)';
  return `read ${io.callsReadMB} MB and wrote ${io.callsWriteMB} MB through system calls (storage: ${io.readMB} MB read, ${io.writeMB} MB to write)`;
}
