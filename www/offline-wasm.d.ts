// The module scripts/build-offline.mjs makes while it bundles the offline
// single file (never a file): the core's wasm, as base64. For the type check
// of offline-entry.js only; never served.
export const WASM_BASE64: string;
