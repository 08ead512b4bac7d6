// A slow network between a client and a server on 127.0.0.1: a TCP relay that passes the
// server's bytes through at once and the client's at a fixed rate. On loopback an upload of a few
// megabytes is over before the app has drawn its progress; through this relay it takes seconds,
// as it does for an agent on a real uplink.
import net from 'node:net';

export interface SlowLink {
  /** The server's URL with the relay's port in place of the server's. */
  readonly url: string;
  /** Client bytes the relay has passed on so far. */
  readonly uploaded: number;
  stop(): Promise<void>;
}

export interface SlowLinkOptions {
  /** The server to relay to, e.g. a backend's `http://127.0.0.1:PORT`. */
  target: string;
  /** How fast the client's bytes reach the server. */
  uplinkBytesPerSecond: number;
}

export async function startSlowLink({ target, uplinkBytesPerSecond }: SlowLinkOptions): Promise<SlowLink> {
  if (!(uplinkBytesPerSecond > 0)) throw new Error(`uplinkBytesPerSecond must be positive, got ${uplinkBytesPerSecond}`);
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  let uploaded = 0;

  const server = net.createServer((client) => {
    const remote = net.connect({ host: upstream.hostname, port: Number(upstream.port) });
    for (const socket of [client, remote]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        remote.destroy();
      });
    }
    remote.pipe(client);
    // Each chunk may leave once the chunks before it have had their time on the wire.
    let wireFreeAt = Date.now();
    client.on('data', (chunk: Buffer) => {
      remote.write(chunk);
      uploaded += chunk.length;
      wireFreeAt = Math.max(wireFreeAt, Date.now()) + (chunk.length * 1000) / uplinkBytesPerSecond;
      const wait = wireFreeAt - Date.now();
      if (wait > 0) {
        client.pause();
        setTimeout(() => client.resume(), wait);
      }
    });
    client.on('end', () => remote.end());
    remote.on('end', () => client.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address() as net.AddressInfo;
  const url = new URL(target);
  url.port = String(address.port);

  return {
    url: url.origin,
    get uploaded() {
      return uploaded;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
