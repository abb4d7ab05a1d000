// The import rules CI enforces (`npm run lint:deps`, part of `npm run lint`). Read it as the architecture, bottom up:
//
//   lib/core/      the vocabulary (roles, errors, …) and pure logic (templates, diff, JSON, user patterns, YAML, UI
//                  helpers): client-safe, no I/O, imports nothing else of the project.
//   db/            the schema, migrations and connection. Of lib/ it imports only lib/core/.
//   lib/platform/  server infrastructure that knows no feature (env, logger, auth and policy, HTTP wrappers, audit,
//                  metrics, models and providers, webhooks transport, members, API keys, setup, ops): core and db only.
//   lib/<feature>/ ordered; a feature imports only core, platform, db and LOWER features, never sideways or up:
//                    prompts < serving < datasets < playground < evals < optimizer < {releases, review, feedback}
//                  serving is the kernel: resolve name@label, partial loading, render, the delivery epoch.
//                  From outside, a feature is three files: index.ts (client-safe types and pure helpers), server.ts
//                  (loaders and what the server calls) and actions.ts (its server actions). Nothing else of it.
//   lib/api/, lib/boot/, lib/home/, lib/demo/   composition over the features (the delivery API, the workers'
//                  boot, the home page's read model, the demo seed). No feature imports them.
//   lib/client/    the application SDK: stands alone, imports only lib/core/.
//   components/    React, client code: never a server surface, platform or db at run time. components/ui/ is the
//                  primitives and imports only lib/core/.
//   app/           pages and route handlers; composes, and loads data only through features' loaders (never db/).
//                  Nothing imports app/.
//
// and, everywhere, no run-time import cycle, between files or between folders. Every rule is an error and none has a
// baseline: a violation fails `npm run lint`. The main pass follows type-only imports too (a type crosses a layer only
// where a value could); the run-time pass (DEPCRUISE_PASS=runtime) checks folder rings and what a client surface
// reaches, where only run-time imports count. Who may write which table is ESLint's studio/one-writer rule.

const FEATURES = ["prompts", "serving", "datasets", "playground", "evals", "optimizer", ["releases", "review", "feedback"]];
const COMPOSITION = ["api", "boot", "home", "demo"];

// One rule per feature rank: what sits at or above it (other than itself) is out of its reach.
const featureRules = FEATURES.flatMap((rank, i) => {
  const here = [rank].flat();
  const above = FEATURES.slice(i + 1).flat();
  return here.map((feature) => ({
    name: `feature-order-${feature}`,
    severity: "error",
    comment: `lib/${feature}/ imports only core, platform, db and the features below it (${FEATURES.slice(0, i).flat().join(", ") || "none"}).`,
    from: { path: `^lib/${feature}/` },
    to: { path: `^lib/(${[...here.filter((f) => f !== feature), ...above, ...COMPOSITION, "client"].join("|")})/|^(app|components)/` },
  }));
});

// One rule per feature: from outside it, only its three surfaces are in reach. index.ts is client-safe (types, pure
// helpers); server.ts is the server's (page loaders, what composition and higher features call); actions.ts is the
// "use server" module client code calls (on the client it is references, not code).
const FEATURE_NAMES = FEATURES.flat();
const surfaceRules = FEATURE_NAMES.map((feature) => ({
  name: `feature-surface-${feature}`,
  severity: "error",
  comment: `Outside lib/${feature}/, import "@/lib/${feature}", "@/lib/${feature}/server" or "@/lib/${feature}/actions", never its other files.`,
  from: { pathNot: `^lib/${feature}/` },
  to: { path: `^lib/${feature}/`, pathNot: `^lib/${feature}/(index|server|actions)\\.ts$` },
}));

// The run-time pass (RUNTIME=1, see lint:deps) follows only imports that exist at run time, for the folder-level ring
// check: a type-only import is erased by the compiler, so it makes no ring. The main pass follows type imports
// too, so a type crosses a layer or a surface only where a value could.
const RUNTIME_PASS = process.env.DEPCRUISE_PASS === "runtime";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: RUNTIME_PASS
    ? [
        {
          name: "no-folder-cycle",
          severity: "error",
          comment: "Folders form no run-time ring either: if a folder reaches back into one that imports it, one of them knows too much.",
          from: {},
          to: { circular: true },
          scope: "folder",
        },
        {
          name: "client-surface-reaches-no-server",
          severity: "error",
          comment:
            "Nothing a feature's index.ts loads, however deep, is server code (db/, lib/platform/, a module that imports server-only): the browser, scripts and workers import it.",
          from: { path: "^lib/[^/]+/index\\.ts$" },
          to: { path: "^db/|^lib/platform/|^node_modules/server-only/", reachable: true },
        },
      ]
    : [
    ...featureRules,
    ...surfaceRules,
    {
      name: "feature-imports-its-own-files",
      severity: "error",
      comment: "Inside a feature, import the file itself: going through the feature's own surface makes a ring.",
      from: { path: "^lib/([^/]+)/" },
      to: { path: "^lib/$1/(index|server)\\.ts$" },
    },
    {
      name: "client-surface-loads-no-server",
      severity: "error",
      comment:
        "A feature's index.ts is what scripts, workers and the browser import for its pure helpers: it re-exports neither the actions (which load Next's request APIs) nor the server surface.",
      from: { path: "^lib/[^/]+/index\\.ts$" },
      to: { path: "^lib/[^/]+/(actions|server)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "client-imports-no-server",
      severity: "error",
      comment:
        "Client code (components/ and the features' client surfaces) never imports a server surface, platform or db at run time; `import type` is erased and allowed.",
      from: { path: "^components/|^lib/[^/]+/index\\.ts$" },
      to: {
        path: "^lib/[^/]+/server\\.ts$|^lib/platform/|^db/",
        // Platform's server actions ("use server") are what a settings form calls: references, not code.
        pathNot: "^lib/platform/[^/]+/[a-z-]*actions\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "platform-knows-no-feature",
      severity: "error",
      comment: "lib/platform/ is infrastructure: it imports lib/core/ and db/, never a feature, app/ or components/.",
      from: { path: "^lib/platform/" },
      to: { path: "^lib/(?!(core|platform)/)|^(app|components)/" },
    },
    {
      name: "sdk-stands-alone",
      severity: "error",
      comment: "lib/client/ is the SDK applications embed: nothing of the studio but lib/core/.",
      from: { path: "^lib/client/" },
      to: { path: "^lib/(?!(core|client)/)|^(app|components|db)/" },
    },
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
      name: "pages-load-through-features",
      severity: "error",
      comment:
        "Pages and route handlers get their data one way: a feature's server loader (or a platform module). They never open the database themselves; types from db/schema are fine.",
      from: { path: "^app/" },
      to: { path: "^db/", dependencyTypesNot: ["type-only"] },
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
    // The run-time pass also sees the server-only package, so "reaches server code" includes every module marked with it.
    includeOnly: RUNTIME_PASS ? "^(app|components|lib|db)/|^node_modules/server-only/" : "^(app|components|lib|db)/",
    exclude: { path: "\\.(test|spec)\\.tsx?$|^lib/testing/" },
    // The main pass follows type-only imports too (rules that are about run time say dependencyTypesNot type-only).
    tsPreCompilationDeps: !RUNTIME_PASS,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
