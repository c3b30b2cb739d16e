import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the peer when nothing was forwarded', () => {
    expect(clientAddress('203.0.113.7', undefined)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For from a proxy on a private network (nginx in docker compose)', () => {
    expect(clientAddress('::ffff:172.18.0.5', '198.51.100.20')).toBe('198.51.100.20');
    expect(clientAddress('10.0.0.2', '198.51.100.20, 192.168.1.1')).toBe('198.51.100.20');
  });

  it('ignores X-Forwarded-For sent by a client on the internet, who could claim any address', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.20')).toBe('203.0.113.7');
    // A client behind our proxy prepending a fake hop gets only as far as its real address.
    expect(clientAddress('172.18.0.5', '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('stops at a hop that is not an address', () => {
    expect(clientAddress('127.0.0.1', 'garbage')).toBe('127.0.0.1');
  });
});
