import { clientAddress, TrustedProxies, trustedProxyProblem } from './client-address';

const composeProxies = new TrustedProxies(['172.30.241.0/24', '::1']);

describe('clientAddress', () => {
  it('is the peer when nothing was forwarded', () => {
    expect(clientAddress('203.0.113.7', undefined, composeProxies)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', undefined, composeProxies)).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For only from a configured proxy', () => {
    expect(clientAddress('::ffff:172.30.241.5', '198.51.100.20', composeProxies)).toBe('198.51.100.20');
    expect(clientAddress('::1', '2001:db8::7', composeProxies)).toBe('2001:db8::7');
    expect(clientAddress('172.30.241.5', '198.51.100.20, 172.30.241.9', composeProxies)).toBe('198.51.100.20');
  });

  it('ignores X-Forwarded-For from anyone else, loopback and private networks included', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.20', composeProxies)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '198.51.100.20', new TrustedProxies())).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.2', '198.51.100.20', composeProxies)).toBe('10.0.0.2');
    // A client behind our proxy prepending a fake hop gets only as far as its real address.
    expect(clientAddress('172.30.241.5', '1.2.3.4, 203.0.113.7', composeProxies)).toBe('203.0.113.7');
  });

  it('stops at a hop that is not an address', () => {
    expect(clientAddress('172.30.241.5', 'garbage', composeProxies)).toBe('172.30.241.5');
  });
});

describe('trustedProxyProblem', () => {
  it('accepts IPv4 and IPv6 addresses and ranges, and names a bad entry', () => {
    for (const entry of ['127.0.0.1', '172.30.241.0/24', '::1', 'fd00::/8', '0.0.0.0/0'])
      expect(trustedProxyProblem(entry)).toBeUndefined();
    expect(trustedProxyProblem('nginx')).toMatch(/"nginx" is not an IP address/);
    expect(trustedProxyProblem('10.0.0.0/33')).toMatch(/bad prefix length/);
    expect(trustedProxyProblem('10.0.0.0/8/1')).toMatch(/not an IP address/);
    expect(trustedProxyProblem('fd00::/129')).toMatch(/bad prefix length/);
  });
});
