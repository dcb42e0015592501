// The module scripts/build-embed.mjs makes while it bundles the widget
// (dist/embed.js; never a file): the SHA-256 (hex) of each file the bundle
// fetches and uses, as built ('pkg/amnistia_bg.wasm', 'style.css',
// 'parts.css'). For the type check of embed-checked.js only; never served.
export const HASHES: Record<string, string>;
