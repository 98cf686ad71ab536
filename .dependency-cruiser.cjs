// The architecture rules `npm run lint` enforces (docs/architecture.md, "Rules lint keeps").
// dependency-cruiser sees type-only imports too, so a cycle through `import type` counts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No import cycle, type-only imports included: a module graph you can read from the bottom up.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-module-boundary',
      severity: 'error',
      comment:
        "Another server module is reached only through its index.ts (its public surface) or tables.ts " +
        '(the tables it lets others reference in a foreign key or join).',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/(index|tables)\\.ts$'],
      },
    },
    {
      name: 'server-outside-modules',
      severity: 'error',
      comment:
        'Code outside the modules (app, CLI, db) uses a module through its index.ts or tables.ts too. ' +
        '(apps/server/test/ is the white-box harness: the route walker seeds fixtures through repositories.)',
      from: { path: '^apps/server/src/', pathNot: '^apps/server/src/modules/' },
      to: {
        path: '^apps/server/src/modules/[^/]+/',
        pathNot: '^apps/server/src/modules/[^/]+/(index|tables)\\.ts$',
      },
    },
    {
      name: 'server-infrastructure-below-modules',
      severity: 'error',
      comment: 'lib/, http/ and plugins/ sit below the modules: they import none (the auth plugin gets a port).',
      from: { path: '^apps/server/src/(lib|http|plugins)/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'web-module-boundary',
      severity: 'error',
      comment: 'Another web module is reached only through its index.ts.',
      from: { path: '^apps/web/src/modules/([^/]+)/' },
      to: {
        path: '^apps/web/src/modules/',
        pathNot: ['^apps/web/src/modules/$1/', '^apps/web/src/modules/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'web-components-use-hooks',
      severity: 'error',
      comment: 'Components read and write through hooks; only hooks call the API.',
      from: { path: '^apps/web/src/(modules/[^/]+/components|app/(components|shell|kit))/' },
      to: { path: ['^apps/web/src/modules/[^/]+/api/', '^apps/web/src/app/api/'] },
    },
    {
      name: 'web-calls-schema-free-rows',
      severity: 'error',
      comment:
        'The web app calls through @tandem/contracts/web-endpoints (method, path and access, typed as the full row), ' +
        'so no zod schema reaches the first load; the full rows with schemas are for the server.',
      from: { path: '^apps/web/src/' },
      to: { path: ['^packages/contracts/src/endpoints/', '^packages/contracts/src/endpoints\\.ts$'] },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'The contracts are shared by server and web and import neither.',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/', '^apps/server/drizzle/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
