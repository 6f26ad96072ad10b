// What the client shares with the language server: the custom protocol (from the server's own
// dependency-free module) and which documents go to the server.
export * from '../../server/src/protocol';

/**
 * Markdown as it is (no language of our own, so the built-in preview and Markdown tools keep
 * working) and plain text, which the server checks only when `nianbao.include` names the file.
 */
export const DOCUMENT_SELECTOR = ['markdown', 'plaintext'].flatMap(language =>
  ['file', 'untitled'].map(scheme => ({ language, scheme })));
