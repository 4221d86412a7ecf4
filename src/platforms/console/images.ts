// A terminal can't show a picture: a message's PNG goes to a file whose path is printed instead
// (posts, DMs and replies alike), so the person can open it.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OutboundMessage } from '../../core/ports/chat-platform.js';

/** Writes the PNG whole, then renames it, so a reader never sees half a file; returns its path. */
export function saveImage(id: string, image: NonNullable<OutboundMessage['image']>): string {
  const dir = resolve('data/console-images');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}-${image.name.replace(/[^\w.-]/g, '_')}`);
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, image.png);
  renameSync(partial, path);
  return path;
}

/** The line printed under a message with an image. */
export const imageFileLine = (id: string, image: NonNullable<OutboundMessage['image']>): string => `   [image file: ${saveImage(id, image)}]`;
