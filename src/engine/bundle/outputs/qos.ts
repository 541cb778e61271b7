import { QOS_UNIT, qosIndex, renderQos } from '../../render/qos';
import { renderQosUnit } from '../../render/qos-unit';
import type { Output } from './output';

/** `<host>/qos.sh` and the unit that keeps it applied, when the export asks for QoS. */
export const qos: Output = {
  id: 'qos',
  when: (options) => options.qos !== null,
  host: ({ plan, options }) => {
    const choice = options.qos ?? { bulkRateMbit: 1, linkRateMbit: 1 };
    const index = qosIndex(plan);
    const unit = renderQosUnit();
    return (hp) => [
      { path: `${hp.id}/qos.sh`, content: renderQos(hp, index, choice), mode: 0o755 },
      { path: `${hp.id}/${QOS_UNIT}`, content: unit, mode: 0o644 },
    ];
  },
};
