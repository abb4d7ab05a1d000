// The import rules CI enforces (`npm run lint:deps`, part of `npm run lint`). Read it as the architecture:
//
//   app/         pages and route handlers; composes. Nothing imports app/.
//   components/  React. components/ui/ is the primitives and imports no feature.
//   lib/         the server and shared code, by feature folder.
//   lib/core/    the vocabulary (roles, …) and pure logic: client-safe, no I/O, imports nothing else of the project.
//   db/          the schema, migrations and connection. Of lib/ it imports only lib/core/.
//
// and, everywhere, no run-time import cycle between files. The violations that existed when a rule was written are
// listed in .dependency-cruiser-known-violations.json and are removed as each feature moves (issue 15); a new one
// fails `npm run lint`. Type-only imports are erased at build time, so they neither make a cycle nor cross a layer.
//
// Not yet a rule: no cycle between lib/ folders (`scope: "folder"`). Today lib's feature folders and db/ form one
// ring (`npx depcruise lib db --config .dependency-cruiser.cjs --output-type err` with that rule added lists it), and
// dependency-cruiser's known-violations file cannot hold folder-level findings, so the rule is switched on in the
// commit that breaks the ring rather than baselined.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-runtime-cycle",
      severity: "error",
      comment: "A run-time import cycle, between files or through folders: one of the modules must not know the other.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] }, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "core-imports-nothing",
      severity: "error",
      comment: "lib/core/ is the vocabulary and pure logic: client-safe, no I/O, nothing of the project but itself.",
      from: { path: "^lib/core/" },
      to: { path: "^(app|components|db)/|^lib/(?!core/)" },
    },
    {
      name: "db-imports-only-core",
      severity: "error",
      comment: "db/ is the bottom of the server: the schema takes its vocabulary from lib/core/ and nothing else of lib/.",
      from: { path: "^db/" },
      to: { path: "^lib/(?!core/)" },
    },
    {
      name: "nothing-imports-app",
      severity: "error",
      comment: "app/ only composes: server actions and loaders live with their feature in lib/.",
      from: { pathNot: "^app/" },
      to: { path: "^app/" },
    },
    {
      name: "ui-primitives-import-no-feature",
      severity: "error",
      comment: "components/ui/ is the studio's primitives (button, dialog, table): no feature, no server code.",
      from: { path: "^components/ui/" },
      to: { path: "^(app|db)/|^components/(?!ui/)|^lib/(?!core/)" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing is a typo or a missing dependency.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^(app|components|lib|db)/",
    exclude: { path: "\\.(test|spec)\\.tsx?$|^lib/testing/" },
    // Only what exists at run time: type-only imports are erased by the compiler, so they are not followed.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
