// The static server the tests start: the project's own (scripts/static-server.mjs).
export * from '../../scripts/static-server.mjs';
