/**
 * The preset dictionary of `wgd2.` links (RFC 1951 lets a compressor and its decompressor share one): a small design
 * in the compact form, holding the format's keys and its most common values, so even a three-host link finds its
 * words already written. Links made with it can be read only with these exact bytes: never change this text;
 * a better dictionary is a new prefix (`wgd3.`), with this one kept to read old links.
 */
const TEXT = '{"format":"wg-designer/1","name":"orders","network":{"pools":{"db":"10.10.0.0/24","app":"10.10.1.0/24",'
  + '"gateway":"10.10.2.0/24","client":"10.10.3.0/24","ipv6":null},"listenPort":51820,"managementPort":22,'
  + '"presharedKeys":true,"keys":"bundle","monitoring":null},"hosts":[{"id":"hub","name":"Hub","role":"gateway",'
  + '"addresses":["10.10.2.1/32","fd00::1/128"],"endpoint":"203.0.113.1:51820","listenPort":51820,"behindNat":true,'
  + '"underlay":{"mtu":1500,"family":"ipv4"},"mtu":1420,"lans":["192.168.10.0/24"],"services":[{"id":"pg","name":"",'
  + '"address":"192.168.10.5","port":5432}],"masquerade":false,"external":true,"dialsIn":true,"keys":"host",'
  + '"publicKey":"","position":{"x":0,"y":0},"notes":"","database":{"engine":"mariadb","port":3306}},'
  + '{"id":"pg-1","role":"db","addresses":["10.10.0.1/32"],"endpoint":"198.51.100.1:51820","underlay":{"mtu":1500,'
  + '"family":"ipv4"},"position":{"x":240,"y":120},"database":{"engine":"redis","port":6379}},{"id":"app-1",'
  + '"role":"app","addresses":["10.10.1.1/32"],"endpoint":"198.51.100.2:51820","underlay":{"mtu":1500,"family":"ipv4"},'
  + '"position":{"x":480,"y":120}}],"tunnels":[{"id":"t-hub-pg-1","a":"hub","b":"pg-1","keepalive":25,'
  + '"allowedIPs":{"ab":["10.10.0.1/32"],"ba":null}},{"id":"t-hub-app-1","a":"hub","b":"app-1"}],"flows":[{"id":'
  + '"f-app-1-pg-1","from":"app-1","to":"pg-1","port":5432},{"id":"f-pg-1-pg-2","from":"pg-1","to":"pg-2",'
  + '"kind":"replication","proto":"udp","port":null}],"failover":[{"id":"pg","address":"10.10.0.100/32",'
  + '"primary":"pg-1","replica":"pg-2"}],"tests":[{"from":"role:app","reach":["pg-1:5432"],"never":["pg-2:22"]}]}';

/** The dictionary's bytes, new each call (a shared array could be written to by anyone holding it). */
export function shareDictionary(): Uint8Array {
  return new TextEncoder().encode(TEXT);
}
