// Share links: a design <-> a URL fragment, versioned, size-limited, schema-checked on the way in, never with keys.
export { encodeShareFragment, decodeShareFragment, isShareFragment, SHARE_PREFIX, SHARE_PREFIX_V1, MAX_SHARE_CHARS, MAX_SHARE_INFLATED, SHARE_WARN_CHARS, shareLinkWarning } from './share-link';
export { encodeBase64Url, decodeBase64Url } from './base64url';
