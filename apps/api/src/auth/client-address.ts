import { BlockList, isIP } from 'node:net';

/**
 * The proxies allowed to report the client in X-Forwarded-For (LUODI_TRUSTED_PROXIES). Nobody by
 * default: anyone who can reach the port directly — loopback and private networks included —
 * could otherwise claim a fresh address on every request and never meet the login rate limit.
 */
export class TrustedProxies {
  private readonly list = new BlockList();

  /** `entries` are IPv4/IPv6 addresses or CIDR ranges, checked with `trustedProxyProblem`. */
  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** Why `entry` is no address or CIDR range (for the configuration's list of problems), if it is not. */
export function trustedProxyProblem(entry: string): string | undefined {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))) {
    return `"${entry}" has a bad prefix length (0 to ${family === 4 ? 32 : 128})`;
  }
  return undefined;
}

/**
 * The address a request came from, for rate limiting: the peer, or — while the hop is a trusted
 * proxy — the address it forwarded for, walking X-Forwarded-For from the right.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const forwarded = [forwardedFor ?? []]
    .flat()
    .join(',')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hops = [peer ?? 'unknown', ...forwarded.reverse()].map((hop) => hop.replace(/^::ffff:(?=\d+\.)/, ''));
  let i = 0;
  while (i < hops.length - 1 && trusted.has(hops[i]) && isIP(hops[i + 1]) !== 0) i++;
  return hops[i];
}

/** Resolves the client's address once per request, as `request.clientAddress`, for every later step. */
export function resolveClientAddress(trusted: TrustedProxies) {
  return (
    request: {
      socket: { remoteAddress?: string };
      headers: Record<string, string | string[] | undefined>;
      clientAddress?: string;
    },
    _response: unknown,
    next: () => void,
  ): void => {
    request.clientAddress = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
    next();
  };
}
