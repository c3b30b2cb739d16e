import { BlockList, isIP } from 'node:net';

// Proxies on the machine or a private network (nginx in docker/ compose) are trusted to report
// the client in X-Forwarded-For; without this every login would seem to come from the proxy and
// share one rate limit. Same ranges as Express's `trust proxy: loopback, linklocal, uniquelocal`.
const trustedProxies = new BlockList();
for (const [network, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['169.254.0.0', 16]] as const) {
  trustedProxies.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) trustedProxies.addSubnet(network, prefix, 'ipv6');

/**
 * The address a request came from, for rate limiting: the peer, or — while the hop is a trusted
 * proxy — the address it forwarded for, walking X-Forwarded-For from the right.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
  const forwarded = [forwardedFor ?? []].flat().join(',').split(',').map((hop) => hop.trim()).filter(Boolean);
  const hops = [peer ?? 'unknown', ...forwarded.reverse()].map((hop) => hop.replace(/^::ffff:(?=\d+\.)/, ''));
  let i = 0;
  while (i < hops.length - 1 && isTrustedProxy(hops[i]) && isIP(hops[i + 1]) !== 0) i++;
  return hops[i];
}

function isTrustedProxy(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trustedProxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
