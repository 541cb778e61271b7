import type { Rule } from '../rule';
import { addressDuplicate } from './address-duplicate';
import { addressOutsidePool } from './address-outside-pool';
import { allowedIPsOverlap } from './allowed-ips-overlap';
import { allowedIPsSelf } from './allowed-ips-self';
import { defaultRouteOnDb } from './default-route-on-db';
import { endpointDocumentation } from './endpoint-documentation';
import { endpointDuplicate } from './endpoint-duplicate';
import { flowPort } from './flow-port';
import { flowReachability } from './flow-reachability';
import { hostIsolated } from './host-isolated';
import { keyDuplicate } from './key-duplicate';
import { keyFormat } from './key-format';
import { keyNotEnrolled } from './key-not-enrolled';
import { keyOrphaned } from './key-orphaned';
import { lanLocalToPeer } from './lan-local-to-peer';
import { lanOverlap } from './lan-overlap';
import { lanReturnRoute } from './lan-return-route';
import { managementPort } from './management-port';
import { meshScale } from './mesh-scale';
import { natEndpoint } from './nat-endpoint';
import { natKeepalive } from './nat-keepalive';
import { overlayLanOverlap } from './overlay-lan-overlap';
import { pathMtu } from './path-mtu';
import { policyTests } from './policy-tests';
import { poolOverlap } from './pool-overlap';
import { portDuplicate } from './port-duplicate';
import { prefixForm } from './prefix-form';
import { pskHostCustody } from './psk-host-custody';
import { pskMissing } from './psk-missing';
import { replicationBothWays } from './replication-both-ways';
import { routeConflicts } from './route-conflicts';
import { tunnelFamily } from './tunnel-family';
import { tunnelHandshake } from './tunnel-handshake';
import { tunnelMtu } from './tunnel-mtu';

/** Every rule, in the order their findings are listed within a severity: addressing, routing, MTU, reachability, NAT, keys, scale, ports. */
export const RULES: readonly Rule[] = [
  prefixForm, addressDuplicate, addressOutsidePool, poolOverlap, overlayLanOverlap, lanOverlap, lanLocalToPeer,
  routeConflicts, allowedIPsOverlap, allowedIPsSelf, defaultRouteOnDb,
  tunnelMtu, pathMtu,
  flowReachability, policyTests, replicationBothWays, lanReturnRoute, hostIsolated, tunnelHandshake, tunnelFamily, endpointDuplicate, endpointDocumentation,
  natEndpoint, natKeepalive,
  keyFormat, keyDuplicate, keyOrphaned, keyNotEnrolled, pskMissing, pskHostCustody,
  meshScale,
  portDuplicate, flowPort, managementPort,
];
