/**
 * A `FeedSource` over the files on disk: its version is the SHA-256 of every file's bytes and the day, so feeds are
 * rebuilt when a file changes (or the horizon moves a day) and served from the handler's cache otherwise. Each
 * feed's published state is kept in memory between builds, so a change raises `SEQUENCE` and a vanished event is
 * published as cancelled for the grace period, as with the `feeds` command's `--state` file.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FeedSource } from '../ical/handler.js';
import { EMPTY_STATE, type PublishedState } from '../ical/state.js';
import { targetKey } from '../ical/tokens.js';
import { DAY, type Instant } from '../time/types.js';
import {
  type BuildOptions,
  buildFeed,
  type FeedFiles,
  type FeedInputs,
  readFeedInputs,
} from './feed-inputs.js';

/** What {@link fileFeedSource} takes. */
export interface FileFeedSourceOptions {
  /** The input files' paths, read again whenever their bytes change. */
  readonly files: FeedFiles;
  /** The clock (the only place it is read): the horizon and the plan are taken at the build's time. */
  readonly now: () => Instant;
  /** Feed options (language, times, reminders...); `now` and `previous` are managed here. */
  readonly feed?: Omit<BuildOptions, 'now' | 'previous'>;
  /** Read a file's bytes. @defaultValue `fs.readFileSync` */
  readonly readFile?: (path: string) => Uint8Array;
}

/**
 * The feed source of `astreinte serve`.
 *
 * @example createFeedHandler({ tokens: jsonFileTokenStore('tokens.json'), source: fileFeedSource({ files: { team: 'team.json' }, now: Date.now }) });
 */
export function fileFeedSource(options: FileFeedSourceOptions): FeedSource {
  const read = options.readFile ?? ((path: string) => readFileSync(path));
  const paths = [options.files.team, options.files.requests, options.files.rota, options.files.bookings];
  let snapshot:
    | { readonly version: string; readonly texts: ReadonlyMap<string, string>; readonly now: Instant }
    | undefined;
  let prepared: { readonly version: string; readonly inputs: FeedInputs } | undefined;
  let failed: { readonly version: string; readonly error: unknown } | undefined;
  const states = new Map<string, PublishedState>();
  return {
    version() {
      const now = options.now();
      const hash = createHash('sha256');
      const texts = new Map<string, string>();
      for (const path of paths) {
        if (path === undefined) {
          hash.update('-\n');
          continue;
        }
        let bytes: Uint8Array;
        try {
          bytes = read(path);
        } catch (error) {
          hash.update(`error:${(error as { code?: string }).code ?? 'unknown'}\n`);
          continue;
        }
        hash.update(bytes).update('\n');
        texts.set(path, new TextDecoder().decode(bytes));
      }
      const version = `${hash.digest('hex').slice(0, 32)}:${Math.floor(now / DAY)}`;
      if (snapshot?.version !== version) snapshot = { version, texts, now };
      return version;
    },
    build(target, version) {
      if (prepared?.version !== version) {
        const snap = snapshot;
        if (snap === undefined || snap.version !== version)
          throw new Error('astreinte: build of an unknown version');
        const io = {
          readFile: (path: string) => {
            const text = snap.texts.get(path);
            if (text === undefined) throw Object.assign(new Error('cannot read'), { code: 'ENOENT' });
            return text;
          },
        };
        if (failed?.version === version) throw failed.error;
        try {
          prepared = { version, inputs: readFeedInputs(options.files, io, snap.now) };
        } catch (error) {
          failed = { version, error };
          throw error;
        }
      }
      const key = targetKey(target);
      const feed = buildFeed(prepared.inputs, target, {
        ...options.feed,
        now: snapshot?.now ?? options.now(),
        previous: states.get(key) ?? EMPTY_STATE,
      });
      states.set(key, feed.state);
      return feed.ics;
    },
  };
}
