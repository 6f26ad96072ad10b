// What the client shares with the language server: the custom protocol (from the server's own
// dependency-free module) and which documents go to the server.
export * from '../../server/src/protocol';

/**
 * Markdown as it is (no language of our own, so the built-in preview and Markdown tools keep
 * working) and plain text, which the server checks only when `include` names the file.
 * Configuration files (.nianbao.jsonc) are left out on purpose: in VS Code the JSON support
 * checks them against the schema the extension contributes (the same checks, from the same
 * table in server/src/config.ts), and the server's own diagnostics for them, meant for editors
 * without that schema, would show each mistake twice.
 */
export const DOCUMENT_SELECTOR = ['markdown', 'plaintext'].flatMap(language =>
  ['file', 'untitled'].map(scheme => ({ language, scheme })));
