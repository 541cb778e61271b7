/**
 * wg-designer's engine: the one entry the UI, the worker and the CLI import. Framework-free: no React, no DOM,
 * no Node APIs; it runs the same in Node, the page and a Web Worker. It exports the values those three (and their
 * tests, the lab and the bench) import and nothing else; engine files import each other by path, never through here.
 */
export { DESIGN_FORMAT, ROLES, DEFAULT_DB_PORTS, custodyOf } from './model/design';
export type {
  Design, Role, DatabaseEngine, DatabaseSpec, Service, Underlay, Position, KeyCustody, Host, Tunnel, Proto, Flow, Pools, Network,
  FailoverGroup,
} from './model/design';
export { ID_PATTERN } from './model/schema';
export { flowPorts, flowPortText, replicationPorts } from './model/database-ports';
export type { DesignInput } from './model/schema';
export { parseDesign, parseDesignText, formatFieldError, MAX_DESIGN_CHARS } from './model/parse-design';
export type { FieldError, ParseResult } from './model/parse-design';
export { pinAddresses } from './model/pin-addresses';
export type { PinnedAddresses } from './model/pin-addresses';
export { designFileText, publicDesign, hasSecrets } from './model/public-design';
export { hostCustodyHosts } from './model/host-custody';

// Edit operations: design in, design (or why not) out. The store's actions and the CLI call these.
export { addFlow, defaultPort } from './model/edit-ops/add-flow';
export type { FlowRequest } from './model/edit-ops/add-flow';
export { addHost } from './model/edit-ops/add-host';
export { addTunnel } from './model/edit-ops/add-tunnel';
export { clipFromText } from './model/edit-ops/clip-from-text';
export { connectHosts } from './model/edit-ops/connect-hosts';
export { copyHosts } from './model/edit-ops/copy-hosts';
export { editFlow, editHost, editNetwork, editTunnel, fieldError } from './model/edit-ops/edit-design';
export { editFailover, newFailoverGroup } from './model/edit-ops/failover-groups';
export { promoteInDesignText } from './failover/promote-design-text';
export type { PromoteTextResult } from './failover/promote-design-text';
export { HOST_KINDS, kindOf } from './model/edit-ops/host-kinds';
export type { HostKind } from './model/edit-ops/host-kinds';
export { clearKeys, keysMadeHere, setCustody } from './model/edit-ops/key-custody';
export { mergeDesign } from './model/edit-ops/merge-design';
export { moveHosts } from './model/edit-ops/move-hosts';
export { pasteHosts } from './model/edit-ops/paste-hosts';
export { removeItems } from './model/edit-ops/remove-items';

export * as net from './net';
export type { Prefix, Address, Family } from './net';

export {
  cryptoRandom, seededRandom, generateKeypair, generatePresharedKey, publicKeyOf, isKey, useX25519, decodeKey, KEY_TEXT_LENGTH,
} from './keys';
export type { RandomSource, X25519Base } from './keys';

export { completeDesign } from './complete/complete-design';
export type { Completion, CompleteOptions } from './complete/complete-design';

export { buildPlan } from './plan/build-plan';
export type { FullPlan } from './plan/build-plan';
export { explainAllowedIPs } from './explain/allowed-ips-reasons';
export type { ExplainedAllowedIPs, ExplainedPrefix } from './explain/allowed-ips-reasons';
export type { Plan, HostPlan, PeerPlan, TunnelPlan, FlowPlan, FirewallIntent, FirewallRule } from './plan/types';

export { renderWgQuick } from './render/wg-quick';
export { renderNftables } from './render/nftables';
export { COLLECTED_FILES, renderCollectScript } from './render/collect-script';
export { detectDrift, driftAsFindings, DriftInputError, formatDriftFinding } from './drift';
export type { CollectedFleet, CollectedHost, DriftFinding, DriftWhat } from './drift';

export { bundleFiles } from './bundle/bundle-files';
export type { BundleFile } from './bundle/bundle-files';
export { zipBundle, zipFiles } from './bundle/zip';
export type { PackedFile, ZipCodec } from './bundle/zip';
export { ZipWriter, packedFile } from './bundle/zip';
export { bundleFolderName } from './bundle/folder-name';
export { exportBundle, prepareExport, writeBundleZip } from './bundle/export-bundle';
export type { ExportResult, PreparedExport } from './bundle/export-bundle';
export { exportWithPreview, PREVIEW_BYTES } from './bundle/export-preview';
export type { PreviewedExport } from './bundle/export-preview';

export { SECRETS_MODES, PLAIN_SECRETS, defaultVaultPath, secretsProblem } from './secrets/secrets-options';
export type { SecretsMode, SecretsOptions, SecretsField, SecretsProblem } from './secrets/secrets-options';
export { SecretsError } from './secrets/seal-secrets';
export type { SecretsSealers, HostSecrets } from './secrets/seal-secrets';
export { ageSeal } from './secrets/age-seal';

export { validateDesign } from './validate/validate-design';
export { designMatrix, MATRIX_CELL_LIMIT } from './matrix/reachability-matrix';
export type { MatrixCell, MatrixColumn, ReachabilityMatrix } from './matrix/reachability-matrix';
export { matrixCsv, matrixTable } from './matrix/matrix-text';
export { matrixCellKey, testExpectations } from './matrix/matrix-expectations';
export type { CellExpectation } from './matrix/matrix-expectations';
export { matrixOutcome } from './matrix/matrix-outcome';
export type { MatrixOutcome } from './matrix/matrix-outcome';
export type { Verdict } from './validate/probe';
export type { PolicyTest } from './model/policy-test';
export { newValidationContext } from './validate/validation-context';
export type { ValidationContext } from './validate/validation-context';
export type { Finding, Severity, Subjects, Fix, FixChange } from './validate/finding';

export { importConfigs, ImportError } from './import/import-configs';
export { configFormat } from './import/wg-dump-parse';
export type { ConfigFile, ImportResult } from './import/import-configs';
export { parseWgQuick } from './import/wg-quick-parse';
export type { ParsedConfig, ParsedInterface, ParsedPeer } from './import/wg-quick-parse';

export { encodeShareFragment, decodeShareFragment, isShareFragment, shareLinkWarning } from './share';
export { runEngineRequest, analyseDesign } from './worker';
export type { DesignAnalysis } from './worker';
export type {
  EngineRequest, EngineResults, EngineResult, EngineMessage, EngineReply, ExportRequestOptions,
} from './worker';
export type { Keypair } from './keys';

export { nextKeyProblem, rotateKeys } from './rotate/rotate-keys';
export { NEXT_KEY_PREFIX } from './render/next-key-script';
export { RotationError } from './rotate/rotation-error';
export { defaultCutOverTime, parseCutOverTime } from './rotate/cut-over-time';
export type { Rotation } from './rotate/rotate-keys';
export type { BundleOptions, HostSetup, QosOptions } from './bundle/bundle-options';
export { isQosBulkRate } from './bundle/bundle-options';
export { FIREWALL_BACKENDS, HOST_SETUPS, firewallProblem, hostSetupsProblem, isFirewallBackend, isHostSetup, qosProblem, qosRateProblem } from './bundle/export-choices';

export { applyFix } from './validate/apply-fix';
export { isKeyOrphaned } from './validate/rules/key-orphaned';

export { plural, pluralNoun } from './text/plural';
export { listText } from './text/list-text';
export { sentence } from './text/sentence';
export { designCounts } from './text/design-counts';
