import hubAndSpoke from './hub-and-spoke.json';
import ipv6Pppoe from './ipv6-pppoe.json';
import mesh3 from './mesh-3.json';
import pointToPoint from './point-to-point.json';
import mariadbPrimaryReplica from './mariadb-primary-replica.json';
import primaryReplica from './primary-replica.json';
import redisPrimaryReplica from './redis-primary-replica.json';
import siteToSite from './site-to-site.json';

/** Real designs used by tests, the lab and the benchmark: each is a correct design (no error findings). */
export const FIXTURES: Readonly<Record<string, unknown>> = {
  'point-to-point': pointToPoint,
  'hub-and-spoke': hubAndSpoke,
  'site-to-site': siteToSite,
  'mesh-3': mesh3,
  'ipv6-pppoe': ipv6Pppoe,
  'primary-replica': primaryReplica,
  'redis-primary-replica': redisPrimaryReplica,
  'mariadb-primary-replica': mariadbPrimaryReplica,
};
