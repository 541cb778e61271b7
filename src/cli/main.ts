import { parseArgs } from 'node:util';
import { firewallProblem, hostSetupsProblem, isFirewallBackend, qosProblem } from '../engine';
import type { HostSetup, QosOptions } from '../engine';
import { runDrift } from './commands/drift';
import { runEnroll } from './commands/enroll';
import { runExport } from './commands/export';
import { runImport } from './commands/import';
import { runMatrix } from './commands/matrix';
import { runPromote } from './commands/promote';
import { runProve } from './commands/prove';
import { runRotate } from './commands/rotate';
import { runValidate } from './commands/validate';
import { CliError } from './io';
import { useNodeCrypto } from './node-codecs';

const USAGE = `wg-designer: design, check and export WireGuard networks for database traffic

Usage:
  wg-designer validate <design.json> [--json]
  wg-designer matrix <design.json> [--json | --csv]
                     (which host reaches which host:port, from a walk of the plan: ✓ / ✗ and why)
  wg-designer export <design.json> -o <bundle.zip> [--keys <design.keys.json>] [--force]
                     [--firewall nftables|iptables] [--qos-bulk-mbit <rate> --qos-link-mbit <rate>]
                     [--host-setup networkd,cloud-init]
                     [--secrets plain|age|ansible-vault|vault] [--age-recipient <age1...> ...]
                     [--vault-password-file <file>] [--vault-path <mount/prefix>] [--age-identity <file>]
  wg-designer rotate <design.json> (--host <id> ... | --all) -o <rotation.zip> [--at <UTC time>] [--keys <design.keys.json>]
                     [--public-key <key> | --next-keys <keys.txt>]
                     (a host in "keys": "host" custody rotates to the key its next-key.sh made and printed)
  wg-designer rotate <design.json> --finish | --abort -o <bundle.zip> [--keys <design.keys.json>]
  wg-designer import <a.conf> [b.conf ...] -o <design.json> [--name <name>] [--endpoint <host-id>=<host:port> ...]
                     (wg-quick files, "wg showconf" or "wg show all dump" output, told apart by their text)
  wg-designer enroll <design.json> (--host <id> --public-key <key> | --file <keys.txt>) [--replace]
                     (records the public key a host in "keys": "host" custody made; keys.txt: "host-id key" lines)
  wg-designer promote <design.json> --group <id> [--host <member>]
                     (records a failover: swaps the group's primary and replica, or makes --host the primary)
  wg-designer drift <design.json> --live <dir> [--keys <design.keys.json>] [--json]
                     (compares the running network with the design: <dir> holds one folder per host, as each
                     host's collect.sh writes it; exit 0 no drift, 1 drift, 2 unreadable input)
  wg-designer prove <design.json | bundle-folder> [--junit <report.xml>] [--tap] [--install]
                     (as root: brings the bundle up in network namespaces with wireguard-go, probes every cell of
                     the matrix with a TCP connect and compares with the design; exit 0 all as designed,
                     1 a mismatch, 2 bad input or missing root/packages, which only --install apt-gets)

Exit codes: 0 ok, 1 the design has errors or could not be read, 2 usage.`;

function firewallOf(text: string): 'nftables' | 'iptables' {
  if (isFirewallBackend(text)) return text;
  throw new CliError(`--firewall ${firewallProblem(text)}, not "${text}"`, 2);
}

const QOS_FLAGS = { bulkRateMbit: '--qos-bulk-mbit', linkRateMbit: '--qos-link-mbit' } as const;

/** The QoS choice of the two flags: both or neither, since shaping that does not know the link orders nothing. */
function qosOf(bulk: string | undefined, link: string | undefined): QosOptions | null {
  if (bulk === undefined && link === undefined) return null;
  if (bulk === undefined || link === undefined) {
    throw new CliError(`${bulk === undefined ? QOS_FLAGS.bulkRateMbit : QOS_FLAGS.linkRateMbit} is missing: QoS takes both --qos-bulk-mbit and --qos-link-mbit (the hosts' underlay upload rate)`, 2);
  }
  const qos = { bulkRateMbit: Number(bulk), linkRateMbit: Number(link) };
  const bad = qosProblem(qos);
  if (bad) throw new CliError(`${QOS_FLAGS[bad.field]} ${bad.problem}, not "${bad.field === 'bulkRateMbit' ? bulk : link}"`, 2);
  return qos;
}

/** `--host-setup`, repeated or comma-separated: the ways hosts are set up besides install.sh (networkd, cloud-init). */
function hostSetupsOf(texts: string[] | undefined, secrets: string): HostSetup[] {
  const setups = [...new Set((texts ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()))];
  const problem = hostSetupsProblem(setups, secrets);
  if (problem) throw new CliError(`--host-setup ${problem}`, 2);
  return setups as HostSetup[];
}

/** Runs one command; returns the exit code. Output goes through `out` (results) and `err` (messages). */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  useNodeCrypto();
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        keys: { type: 'string' },
        name: { type: 'string' },
        endpoint: { type: 'string', multiple: true },
        force: { type: 'boolean', default: false },
        firewall: { type: 'string', default: 'nftables' },
        'qos-bulk-mbit': { type: 'string' },
        'qos-link-mbit': { type: 'string' },
        'host-setup': { type: 'string', multiple: true },
        host: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        at: { type: 'string' },
        'next-keys': { type: 'string' },
        finish: { type: 'boolean', default: false },
        abort: { type: 'boolean', default: false },
        'public-key': { type: 'string' },
        live: { type: 'string' },
        file: { type: 'string' },
        replace: { type: 'boolean', default: false },
        group: { type: 'string' },
        secrets: { type: 'string', default: 'plain' },
        'age-recipient': { type: 'string', multiple: true },
        'age-identity': { type: 'string' },
        'vault-password-file': { type: 'string' },
        'vault-path': { type: 'string' },
        junit: { type: 'string' },
        tap: { type: 'boolean', default: false },
        install: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
      out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const one = () => {
      if (positionals.length !== 1) throw new CliError(`${command} takes one design file\n\n${USAGE}`, 2);
      return positionals[0] as string;
    };
    const output = () => {
      if (!values.output) throw new CliError(`${command} needs -o <file>\n\n${USAGE}`, 2);
      return values.output;
    };
    switch (command) {
      case 'validate':
        return runValidate(one(), values.json, out);
      case 'matrix':
        if (values.json && values.csv) throw new CliError(`matrix takes --json or --csv, not both\n\n${USAGE}`, 2);
        return runMatrix(one(), values.json ? 'json' : values.csv ? 'csv' : 'table', out);
      case 'export':
        return await runExport({
          design: one(), output: output(), keys: values.keys, force: values.force,
          firewall: firewallOf(values.firewall), qos: qosOf(values['qos-bulk-mbit'], values['qos-link-mbit']),
          hostSetups: hostSetupsOf(values['host-setup'], values.secrets),
          secrets: {
            secrets: values.secrets, ageRecipients: values['age-recipient'] ?? [],
            vaultPasswordFile: values['vault-password-file'], vaultPath: values['vault-path'],
          },
          ageIdentity: values['age-identity'],
        }, err);
      case 'rotate':
        return await runRotate({
          design: one(), hosts: values.host ?? [], all: values.all, output: values.output, keys: values.keys, at: values.at,
          publicKey: values['public-key'], nextKeys: values['next-keys'],
          finish: values.finish, abort: values.abort, firewall: firewallOf(values.firewall), qos: qosOf(values['qos-bulk-mbit'], values['qos-link-mbit']),
        }, err);
      case 'enroll': {
        const hosts = values.host ?? [];
        if (hosts.length > 1) throw new CliError(`enroll takes one --host (or --file for many)\n\n${USAGE}`, 2);
        return runEnroll({ design: one(), host: hosts[0], publicKey: values['public-key'], file: values.file, replace: values.replace }, err);
      }
      case 'promote': {
        const hosts = values.host ?? [];
        if (hosts.length > 1) throw new CliError(`promote takes at most one --host (the member to make primary)\n\n${USAGE}`, 2);
        return runPromote({ design: one(), group: values.group, host: hosts[0] }, err);
      }
      case 'drift':
        return runDrift({ design: one(), live: values.live, keys: values.keys, json: values.json }, out, err);
      case 'prove':
        return await runProve({ path: one(), junit: values.junit, tap: values.tap, install: values.install }, out, err);
      case 'import':
        if (positionals.length === 0) throw new CliError(`import takes one or more wg-quick config files (or wg showconf / wg show all dump output)\n\n${USAGE}`, 2);
        return runImport({ files: positionals, output: output(), name: values.name, endpoints: values.endpoint ?? [] }, err);
      default:
        throw new CliError(`unknown command "${command}"\n\n${USAGE}`, 2);
    }
  } catch (e) {
    if (e instanceof CliError) {
      err(`wg-designer: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      err(`wg-designer: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
