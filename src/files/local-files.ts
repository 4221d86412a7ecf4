// The file sink on this machine's disk (exports, for now under ./data/exports). Each file is
// streamed to a temporary name and renamed when complete, so a half-written file never looks finished.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileSink } from '../core/ports/files.js';

export const DEFAULT_EXPORT_DIR = 'data/exports';

/** Files under `dir` (relative to the working directory unless absolute); it is created on first write. */
export function localFiles(dir = DEFAULT_EXPORT_DIR): FileSink {
  const root = resolve(dir);
  return {
    async write(name, chunks) {
      // Names come from the core, but a file still never lands outside the directory.
      if (basename(name) !== name || name.startsWith('.')) throw new Error(`not a plain file name: ${name}`);
      await mkdir(root, { recursive: true });
      const path = join(root, name);
      const partial = `${path}.partial`;
      try {
        await pipeline(Readable.from(chunks), createWriteStream(partial));
        await rename(partial, path);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
      return { location: path };
    },
  };
}
