// IPv4/IPv6 prefix math: the allow-list every address passes on its way into generated configs and scripts.
export type { Family } from './family';
export { familyBits } from './family';
export { NetError } from './net-error';
export type { Address, AddressValue } from './address';
export { makeAddress } from './address';
export { parseAddress, tryParseAddress, formatAddress } from './address';
export type { Prefix } from './prefix';
export {
  makePrefix,
  addressOf,
  parsePrefix,
  tryParsePrefix,
  formatPrefix,
  hostBits,
  networkOf,
  hostPrefix,
  isHostPrefix,
  isDefaultRoute,
} from './prefix';
export {
  prefixFirst,
  prefixLast,
  containsPrefix,
  containsAddress,
  prefixesOverlap,
  comparePrefixes,
  prefixSize,
  movedAddress,
} from './range';
export { freePrefixLike } from './free-prefix';
export { allocateAddresses, freeAddresses } from './allocate';
export type { Endpoint } from './endpoint';
export { parseEndpoint, readEndpoint, formatEndpoint } from './endpoint';
export type { Tagged, PrefixGroup, RangeTest } from './overlap-index';
export { findOverlaps, groupPrefixes, sweepNested, rangeTest } from './overlap-index';
export { longestMatch } from './longest-match';
export type { SpecialKind, SpecialRange } from './special-ranges';
export { SPECIAL_RANGES, specialRangeOf, specialRangeHolding, specialRangesOverlapping, isDocumentationName } from './special-ranges';
export { overlayAddressProblem, poolProblem, lanProblem, endpointProblem, documentationRangeOf } from './usable';
export type { Bound, Placement, Range } from './bounds';
export {
  lowBound, highBound, bounds, networkKey, holdsAddress, addressKey, rangeOf, inRange, asNetwork, holdsNetwork, networksOverlap, SCAN_LIMIT, sortNetworks,
  compareNetworks, placeAgainst,
} from './bounds';
export { ParsedTexts } from './parsed-texts';
export type { ParsedEndpoint } from './parsed-texts';
