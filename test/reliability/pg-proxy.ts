import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that reads the client side of the wire protocol, so a test
 * can drop one connection at an exact point of a transaction: when the client sends a given
 * statement, before it reaches the server or right after the server has run it. It can also
 * refuse every connection, as a server that is down would.
 */
export class PgProxy {
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();
  private trap?: Trap;
  private refusing = false;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.connect(client));
  }

  static async start(databaseUrl: string): Promise<PgProxy> {
    const url = new URL(databaseUrl);
    const proxy = new PgProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The same database, reached through the proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as net.AddressInfo).port);
    return url.toString();
  }

  /**
   * Drops the first connection that sends a statement matching `at` (once it has sent one
   * matching `armedBy`, if given). `forward: false` drops it before the statement reaches the
   * server; `forward: true` lets the server run it (a prepared statement up to its Sync) and
   * drops the connection before the client hears the answer. Resolves once the server is done
   * with the statement.
   */
  dropAt(trap: { at: RegExp; armedBy?: RegExp; forward: boolean }): Promise<void> {
    for (const c of this.connections) c.armed = false;
    return new Promise((resolve) => {
      this.trap = { ...trap, sprung: resolve };
    });
  }

  /** Every connection is cut, and new ones are cut as soon as they open, until `restore()`. */
  refuse(): void {
    this.refusing = true;
    for (const c of this.connections) c.destroy();
  }

  restore(): void {
    this.refusing = false;
  }

  private connect(client: net.Socket): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const connection = new Connection(client, net.connect(this.target), (text, c) => this.check(text, c));
    this.connections.add(connection);
    connection.onClose(() => this.connections.delete(connection));
  }

  private check(text: string, connection: Connection): 'pass' | Omit<Trap, 'armedBy'> {
    const trap = this.trap;
    if (!trap) return 'pass';
    if (trap.armedBy?.test(text)) connection.armed = true;
    if (!trap.at.test(text) || (trap.armedBy && !connection.armed)) return 'pass';
    this.trap = undefined;
    return trap;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

interface Trap {
  at: RegExp;
  armedBy?: RegExp;
  forward: boolean;
  sprung(): void;
}

/** One client connection and its server connection; reads the client's messages as they pass. */
class Connection {
  armed = false;
  private buffer = Buffer.alloc(0);
  private startedUp = false;
  /** A trap that lets its statement through: cut once the server has been sent all of it. */
  private cutting?: Omit<Trap, 'armedBy'>;
  private deaf = false;
  private answer = Buffer.alloc(0);
  /** The text of each named prepared statement this connection made. */
  private readonly prepared = new Map<string, string>();

  constructor(
    private readonly client: net.Socket,
    private readonly server: net.Socket,
    private readonly check: (text: string, connection: Connection) => 'pass' | Omit<Trap, 'armedBy'>,
  ) {
    client.on('data', (chunk) => this.fromClient(chunk));
    server.on('data', (chunk) => (this.deaf ? this.awaitReady(chunk) : client.write(chunk)));
    for (const socket of [client, server]) socket.on('error', () => this.destroy());
    client.on('close', () => {
      if (!this.deaf) server.destroy();
    });
    server.on('close', () => client.destroy());
  }

  onClose(listener: () => void): void {
    this.server.on('close', listener);
  }

  destroy(): void {
    this.client.destroy();
    this.server.destroy();
  }

  /** Passes the client's bytes on message by message, stopping at the trap's statement. */
  private fromClient(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      // The start-up message has no type byte; every later one does.
      const header = this.startedUp ? 5 : 4;
      if (this.buffer.length < header) return;
      const length = this.buffer.readInt32BE(this.startedUp ? 1 : 0) + (this.startedUp ? 1 : 0);
      if (this.buffer.length < length) return;
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      const verdict = this.startedUp && !this.cutting ? this.check(this.statementOf(message), this) : 'pass';
      this.startedUp = true;
      if (verdict !== 'pass' && !verdict.forward) {
        this.destroy();
        verdict.sprung();
        return;
      }
      if (verdict !== 'pass') this.cutting = verdict;
      this.server.write(message);
      // A simple query is whole in one message; a prepared one runs at the Sync that ends it.
      const type = String.fromCharCode(message[0]);
      if (this.cutting && (type === 'Q' || type === 'S')) {
        // The server runs the statement; the client is cut off before it hears the answer.
        this.deaf = true;
        this.client.destroy();
        return;
      }
    }
  }

  /**
   * The SQL of a simple query ('Q'), of a statement being prepared ('P'), or of the named
   * prepared statement a Bind ('B') runs again without its text; '' for other messages.
   */
  private statementOf(message: Buffer): string {
    const type = String.fromCharCode(message[0]);
    const body = message.subarray(5);
    const cstring = (from: number) => body.subarray(from, body.indexOf(0, from)).toString();
    if (type === 'Q') return cstring(0);
    if (type === 'P') {
      const name = cstring(0);
      const text = cstring(Buffer.byteLength(name) + 1);
      if (name) this.prepared.set(name, text);
      return text;
    }
    if (type === 'B') {
      const portal = cstring(0);
      return this.prepared.get(cstring(Buffer.byteLength(portal) + 1)) ?? '';
    }
    return '';
  }

  /** While the client is cut off: closes the server connection once it is ready again (statement done). */
  private awaitReady(chunk: Buffer): void {
    this.answer = Buffer.concat([this.answer, chunk]);
    while (this.answer.length >= 5) {
      const length = this.answer.readInt32BE(1) + 1;
      if (this.answer.length < length) return;
      const type = String.fromCharCode(this.answer[0]);
      this.answer = this.answer.subarray(length);
      if (type === 'Z') {
        this.server.end();
        this.cutting?.sprung();
        return;
      }
    }
  }
}
