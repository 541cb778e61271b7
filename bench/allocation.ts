import { Session } from 'node:inspector/promises';
import type { HeapProfiler } from 'node:inspector';

/**
 * Bytes `run` allocates per call, by V8's sampling heap profiler (a sample every 2 KB allocated, on average), objects
 * the collector has freed since included: what fills the young generation, and so how often it is scavenged.
 */
export async function allocatedPerRun(run: () => unknown, runs = 5): Promise<number> {
  const session = new Session();
  session.connect();
  // Node 20's protocol types predate the two flags that keep collected objects in the profile.
  const params = { samplingInterval: 2048, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true };
  await session.post('HeapProfiler.startSampling', params as HeapProfiler.StartSamplingParameterType);
  for (let i = 0; i < runs; i++) run();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  return selfSizes(profile.head) / runs;
}

function selfSizes(node: HeapProfiler.SamplingHeapProfileNode): number {
  let bytes = node.selfSize;
  for (const child of node.children) bytes += selfSizes(child);
  return bytes;
}
