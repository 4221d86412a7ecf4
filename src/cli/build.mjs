// `npm run build` (also run by `npm install` after the Prisma clients are generated, and before
// `npm start`): compiles the bot into out/ so production runs plain JavaScript with `node out/main.js`,
// with no TypeScript loader in the process and no loader CLI as a parent process.
//
// esbuild bundles our own code (src/, commands/ and the generated Prisma clients, which are
// TypeScript) into out/main.js; npm packages stay imports resolved from node_modules at run time, so
// native modules, WebAssembly files and JSON data load exactly as they do from the sources. The one
// exception is discord.js with its own dependencies (see bundledPackages).
// The Discord, Slack, PostgreSQL and canvas parts are dynamic imports: they become chunks in
// out/chunks/ that load only when configured or needed.
// Measured against `tsc` emitting file by file: ~0.3 s instead of ~10 s, and a bot process that idles
// a few MB lower (one module instead of ~300); see test/bench/startup.bench.ts.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));

/**
 * The node options `npm start` runs the build with (package.json's start script spells them out; a
 * test keeps the two equal). --max-semi-space-size=2 caps V8's young generation at 2 MB per
 * semi-space (Node's default lets it grow to 16 MB during start-up and keep it): in five side-by-side
 * pairs the idle bot was ~17 MB smaller with Discord and ~30 MB with Discord and Slack, and varied
 * less, for ~5 % more CPU in a long console session (more, shorter scavenges). The start-up bench
 * runs one Discord bot without them in each round (test/bench/startup.bench.ts).
 */
export const nodeFlags = ['--max-semi-space-size=2'];

/**
 * The generated Prisma clients load the query compiler from a JavaScript module holding the
 * WebAssembly as one base64 string (2 MB for the small build). Node keeps an ES module's source for
 * the life of the process, so that string stayed in the heap twice (source and value), ~4 MB. In the
 * build the compiler is decoded once, at build time, into a .wasm file beside the code that reads it.
 */
const queryCompilerAsFile = {
  name: 'query-compiler-as-file',
  setup(b) {
    const generatedClass = /[\\/]src[\\/]db[\\/]generated[\\/][^\\/]+[\\/]internal[\\/]class\.ts$/;
    const base64Import = /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/query_compiler_\w+\.\w+\.wasm-base64\.mjs)"\)\s*return await decodeBase64AsWasm\(wasm\)/;
    b.onLoad({ filter: generatedClass }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = base64Import.exec(source);
      if (!found) throw new Error(`${args.path}: the query compiler import has changed shape; update src/cli/build.mjs`);
      const contents =
        `import queryCompilerWasm from ${JSON.stringify(`query-compiler-wasm:${found[1]}`)}\n` +
        source.replace(found[0], 'return new WebAssembly.Module(await (await import("node:fs/promises")).readFile(new URL(queryCompilerWasm, import.meta.url)))');
      return { contents, loader: 'ts' };
    });
    b.onResolve({ filter: /^query-compiler-wasm:/ }, (args) => {
      const module = args.path.slice('query-compiler-wasm:'.length);
      return { path: module.replace(/\.wasm-base64\.mjs$/, '.wasm'), namespace: 'query-compiler-wasm', pluginData: module };
    });
    b.onLoad({ filter: /.*/, namespace: 'query-compiler-wasm' }, (args) => {
      const module = readFileSync(require.resolve(args.pluginData), 'utf8');
      const base64 = /^const wasm = "([A-Za-z0-9+/=]+)";?\s*$/m.exec(module)?.[1];
      if (!base64) throw new Error(`${args.pluginData}: no base64 WebAssembly found; update src/cli/build.mjs`);
      return { contents: Buffer.from(base64, 'base64'), loader: 'file' };
    });
  },
};

/**
 * discord.js is bundled into the Discord chunk: it is ~200 CommonJS files, and loading them one by one
 * through Node's ES module loader (resolve, read, wrap, and cjs-module-lexer parsing each re-export
 * chain for named exports) took ~440 ms of a ~1.1 s cold start in the CPU profile; as one bundled
 * file it loads in ~140 ms and leaves ~12 MB less resident memory. Its optional native add-ons
 * (zlib-sync, bufferutil, utf-8-validate) stay external: discord.js probes for them and does without.
 */
const bundledPackages = /^(discord\.js|@discordjs\/|discord-api-types|@sapphire\/|@vladfrangu\/|magic-bytes\.js|lodash\.snakecase|ws|undici|tslib|fast-deep-equal)(\/|$)/;
const optionalAddons = /^(zlib-sync|bufferutil|utf-8-validate|erlpack)(\/|$)/;

const bundleDiscordJs = {
  name: 'bundle-discord-js',
  setup(b) {
    // Our code imports discord.js: bundle it; what a bundled file imports is bundled too, but for the
    // optional add-ons. Every other package import stays external (what packages: 'external' did).
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.namespace !== 'file') return undefined;
      const fromPackage = /[\\/]node_modules[\\/]/.test(args.importer);
      if (optionalAddons.test(args.path)) return { path: args.path, external: true };
      if (fromPackage || bundledPackages.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Bundled CommonJS code calls require() for Node's built-ins; in an ES module there is none, so each
 * output file gets one (esbuild's require shim then finds it).
 */
const requireInEsm = "import { createRequire as __ambassadorCreateRequire } from 'node:module'; const require = __ambassadorCreateRequire(import.meta.url);";

/**
 * Whether `outdir` holds a build of the current sources: every file the last build read (listed in
 * its inputs.json, from esbuild's metafile) is older than out/main.js. A new file counts once a file
 * that imports it changes; package-lock.json and this script are inputs too. `npm start` builds only then.
 */
export function upToDate(outdir = join(root, 'out')) {
  const main = join(outdir, 'main.js');
  const list = join(outdir, 'inputs.json');
  if (!existsSync(main) || !existsSync(list)) return false;
  const builtAt = statSync(main).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(list, 'utf8')), 'package-lock.json', 'src/cli/build.mjs'];
  return inputs.every((file) => {
    try {
      return statSync(join(root, file)).mtimeMs <= builtAt;
    } catch {
      return false; // gone: build again
    }
  });
}

/** Builds the bot into `outdir` (default out/). The folder must be inside the project, so packages resolve from node_modules. */
export async function build({ outdir = join(root, 'out'), quiet = false } = {}) {
  const started = performance.now();
  for (const old of ['main.js', 'main.js.map', 'inputs.json', 'chunks']) rmSync(join(outdir, old), { recursive: true, force: true });
  const result = await esbuild({
    absWorkingDir: root,
    metafile: true,
    entryPoints: { main: 'src/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'chunks/[name]-[hash]',
    plugins: [queryCompilerAsFile, bundleDiscordJs],
    banner: { js: requireInEsm },
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Class and function names as written (error types in logs), even where bundling renames a binding.
    keepNames: true,
    // out/main.js.map: `node --enable-source-maps out/main.js` shows TypeScript lines in stack traces.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes(':'));
  writeFileSync(join(outdir, 'inputs.json'), JSON.stringify(inputs));
  if (!quiet) process.stdout.write(`built ${join(outdir, 'main.js')} in ${Math.round(performance.now() - started)} ms\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --if-stale (npm start): skip when out/ already holds a build of the current sources.
  if (process.argv.includes('--if-stale') && upToDate()) process.stdout.write('out/main.js is up to date\n');
  else await build();
}
