import { ansible } from './ansible';
import { check } from './check';
import { clientConfigs } from './client-configs';
import { collect } from './collect';
import { cloudInit } from './cloud-init';
import { database } from './database';
import { designJson } from './design-json';
import { diagram } from './diagram';
import { failover } from './failover';
import { failoverHooks } from './failover-hooks';
import { firewall } from './firewall';
import { install } from './install';
import { mermaid } from './mermaid';
import { monitoring } from './monitoring';
import { networkd } from './networkd';
import { nextKey } from './next-key';
import type { Output } from './output';
import { qos } from './qos';
import { readme } from './readme';
import { sysctl } from './sysctl';
import { systemdUnits } from './systemd-units';
import { vaultSecrets } from './vault-secrets';
import { wgQuick } from './wg-quick';

export type { BundleContext, Output } from './output';

/**
 * Every output of a bundle, in the order its files are written: network-wide files of every output first, then
 * each managed host's files. Adding an output is one file in this folder and one line here (README.md).
 */
export const OUTPUTS: readonly Output[] = [
  readme, mermaid, designJson, ansible, failover, vaultSecrets, diagram, monitoring, clientConfigs,
  wgQuick, firewall, systemdUnits, install, check, collect, nextKey, qos, sysctl, database,
  networkd, cloudInit, failoverHooks,
];
