import { qosIndex, renderQos } from '../../render/qos';
import type { Output } from './output';

/** `<host>/qos.sh`: database ports first, bulk streams capped, when the export asks for QoS. */
export const qos: Output = {
  id: 'qos',
  when: (options) => options.qos !== null,
  host: ({ plan, options }) => {
    const rate = options.qos?.bulkRateMbit ?? 0;
    const index = qosIndex(plan);
    return (hp) => [{ path: `${hp.id}/qos.sh`, content: renderQos(hp, index, rate), mode: 0o755 }];
  },
};
