/**
 * Imports in the web app: the import page (upload, review, progress, result, undo) and the
 * history, which the router loads on demand. Other pages need nothing from it but its query
 * keys; an import's end refetches the whole workspace.
 */
export { importsKeys } from './hooks/imports.keys.ts';
