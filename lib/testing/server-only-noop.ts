// Replaces the "server-only" marker package in unit tests, which run outside Next's bundler.
export {};
