// Where the core writes files people asked for (exports): a port, so the core never touches the
// file system itself. src/files/local-files.ts keeps them under ./data/exports.
export interface FileSink {
  /** Writes one file from its text chunks; returns where a person finds it (a path, for now). */
  write(name: string, chunks: AsyncIterable<string>): Promise<{ location: string }>;
}
