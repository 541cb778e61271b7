import { useMemo } from 'react';
import { buildPlan, completeDesign, parseDesign, seededRandom, validateDesign } from '../engine';
import hubAndSpoke from '../engine/__fixtures__/hub-and-spoke.json';

/** The app shell: proves the engine runs in the page. The designer canvas replaces it (issue 4). */
export function App() {
  const summary = useMemo(() => {
    const parsed = parseDesign(hubAndSpoke);
    if (!parsed.ok) return 'the sample design does not parse';
    const design = completeDesign(parsed.value, { random: seededRandom(1), keys: false }).design;
    const plan = buildPlan(design);
    const findings = validateDesign(design, plan);
    return `${design.name}: ${plan.hosts.length} hosts, ${plan.tunnels.length} tunnels, ${findings.length} findings`;
  }, []);
  return (
    <main>
      <h1>wg-designer</h1>
      <p data-testid="engine-summary">{summary}</p>
    </main>
  );
}
