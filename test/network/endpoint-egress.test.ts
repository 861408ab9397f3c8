import { LOLICE_CLUSTER_SERVICES } from '../../config/lolice-cluster-services';
import { resolveEndpointEgress, type ResolveEndpointOptions } from '../../lib/endpoints/network-peers';

const options: ResolveEndpointOptions = {
  purpose: 'env TEST_URL',
  services: LOLICE_CLUSTER_SERVICES,
  namespace: 'openclaw',
};

describe('resolveEndpointEgress address literals', () => {
  test('a public address literal is an internet destination', () => {
    expect(resolveEndpointEgress('https://203.0.113.7/x', options)).toEqual({
      kind: 'external',
      url: 'https://203.0.113.7/x',
      host: '203.0.113.7',
      port: 443,
    });
  });

  test('fails for an IPv4-mapped IPv6 literal of a private address, which is dialled as IPv4 and excepted', () => {
    expect(() => resolveEndpointEgress('http://[::ffff:10.0.0.5]:8080/x', options)).toThrow(
      /env TEST_URL "http:\/\/\[::ffff:10\.0\.0\.5\]:8080\/x" is the private address 10\.0\.0\.5 \(inside 10\.0\.0\.0\/8/,
    );
  });

  test('an IPv4-mapped loopback literal is the pod itself', () => {
    expect(resolveEndpointEgress('http://[::ffff:127.0.0.1]:8080/x', options)).toEqual({
      kind: 'loopback',
      url: 'http://[::ffff:127.0.0.1]:8080/x',
    });
  });
});
