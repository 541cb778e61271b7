/**
 * Starting points. Each is a design file (`wg-designer/1`) without endpoints: a made-up one (a documentation
 * address) would be exported into wg0.conf and the inventory as if it were real. Until the user types the real
 * endpoints, tunnel-no-endpoint names each host to fill in.
 */
export interface Template {
  id: string;
  label: string;
  description: string;
  design: Record<string, unknown>;
}

const u = { mtu: 1500, family: 'ipv4' };
const db = (id: string, name: string, engine = 'postgresql') => ({ id, name, role: 'db', underlay: u, database: { engine } });
const app = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, role: 'app', underlay: u, ...extra });
const gw = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, role: 'gateway', underlay: u, ...extra });
const t = (a: string, b: string) => ({ id: `t-${a}-${b}`, a, b });
const f = (from: string, to: string, port: number, kind = 'client') => ({ id: `f-${from}-${to.replace('/', '-')}`, from, to, port, kind });
const design = (name: string, rest: Record<string, unknown>) => ({ format: 'wg-designer/1', name, ...rest });

export const TEMPLATES: readonly Template[] = [
  {
    id: 'point-to-point',
    label: 'Point to point',
    description: 'One app host reaches one PostgreSQL server over a single tunnel.',
    design: design('point to point', {
      hosts: [app('app-1', 'Orders API', { behindNat: true }), db('pg-primary', 'Orders primary')],
      tunnels: [t('app-1', 'pg-primary')],
      flows: [f('app-1', 'pg-primary', 5432)],
    }),
  },
  {
    id: 'hub-and-spoke',
    label: 'Hub and spoke',
    description: 'App hosts and a database all tunnel to one hub, which routes between them.',
    design: design('orders hub-and-spoke', {
      hosts: [
        gw('hub', 'Hub (eu-1)'), db('pg-primary', 'Orders primary'),
        app('app-1', 'API 1'), app('app-2', 'API 2'), app('app-3', 'Worker behind NAT', { behindNat: true }),
      ],
      tunnels: [t('hub', 'pg-primary'), t('hub', 'app-1'), t('hub', 'app-2'), t('hub', 'app-3')],
      flows: [f('app-1', 'pg-primary', 5432), f('app-2', 'pg-primary', 5432), f('app-3', 'pg-primary', 5432)],
    }),
  },
  {
    id: 'site-to-site',
    label: 'Site to site, managed database',
    description: 'An office gateway and a cloud VPC gateway; an app reaches a managed PostgreSQL inside the VPC.',
    design: design('office to cloud with managed PostgreSQL', {
      hosts: [
        app('app-1', 'Reporting app'),
        gw('gw-office', 'Office gateway', { lans: ['10.20.0.0/24'] }),
        gw('gw-vpc', 'Cloud VPC gateway', {
          lans: ['172.31.0.0/16'], services: [{ id: 'orders-rds', name: 'Orders RDS', address: '172.31.5.20', port: 5432 }],
        }),
      ],
      tunnels: [t('app-1', 'gw-office'), t('gw-office', 'gw-vpc')],
      flows: [f('app-1', 'gw-vpc/orders-rds', 5432)],
    }),
  },
  {
    id: 'mesh-3',
    label: 'Mesh of 3 database nodes',
    description: 'Three PostgreSQL nodes, each tunnelled to the others, with replication allowed both ways.',
    design: design('postgres mesh with replication', {
      hosts: [db('pg-1', 'pg-1 (eu-west)'), db('pg-2', 'pg-2 (eu-central)'), db('pg-3', 'pg-3 (us-east)')],
      tunnels: [t('pg-1', 'pg-2'), t('pg-1', 'pg-3'), t('pg-2', 'pg-3')],
      flows: [f('pg-1', 'pg-2', 5432, 'replication'), f('pg-1', 'pg-3', 5432, 'replication'), f('pg-2', 'pg-3', 5432, 'replication')],
    }),
  },
  {
    id: 'primary-replica',
    label: 'Primary and replica with app hosts',
    description: 'A PostgreSQL primary streams to a replica; two app hosts reach the primary, one also the replica.',
    design: design('primary-replica', {
      hosts: [
        db('pg-primary', 'Primary'), db('pg-replica', 'Replica'),
        app('app-1', 'API 1'), app('app-2', 'Reports'),
      ],
      tunnels: [t('pg-primary', 'pg-replica'), t('app-1', 'pg-primary'), t('app-2', 'pg-primary'), t('app-2', 'pg-replica')],
      flows: [
        f('pg-primary', 'pg-replica', 5432, 'replication'), f('app-1', 'pg-primary', 5432),
        f('app-2', 'pg-primary', 5432), f('app-2', 'pg-replica', 5432),
      ],
    }),
  },
];
