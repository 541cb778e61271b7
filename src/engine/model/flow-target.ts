/**
 * A flow's `to` split into its host and, for `gateway-id/service-id`, the service (null for a host itself). The
 * schema allows at most one `/`; anything after it is the service id.
 */
export function flowTarget(to: string): { hostId: string; serviceId: string | null } {
  const slash = to.indexOf('/');
  return slash < 0 ? { hostId: to, serviceId: null } : { hostId: to.slice(0, slash), serviceId: to.slice(slash + 1) };
}
