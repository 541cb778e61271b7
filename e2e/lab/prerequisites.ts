import { onPath } from '../../src/cli/prove/on-path';
import { postgresBin } from './postgres';

/** Tools the lab calls; scripts/system-deps.sh installs each of them. */
const TOOLS = ['ip', 'wg', 'wg-quick', 'wireguard-go', 'nft', 'unshare', 'nsenter', 'setpriv', 'psql', 'redis-server', 'redis-cli', 'mariadbd', 'mariadb-install-db', 'mariadb', 'nc', 'ping', 'unzip', 'sysctl', 'age', 'age-keygen', 'ansible-vault', 'ansible-playbook', 'python3'];

/** What is missing for the lab to run here: root (namespaces, TUN devices), the tools, the PostgreSQL server. */
export function labPrerequisites(): string[] {
  const missing = TOOLS.filter((t) => !onPath(t));
  if (process.getuid?.() !== 0) missing.unshift('root');
  try {
    postgresBin();
  } catch {
    missing.push('postgresql (server)');
  }
  return missing;
}
