// Types of fileReader.cjs (plain CommonJS, because a worker thread runs it as it is on disk).
import type { StampedText } from '../core/ports';

export declare function readRegularFile(path: string, maxBytes: number): StampedText | undefined;
/** The reader thread's answer for one path: the text, null (not there, refused), or 'again' (read it again on the caller's thread). */
export type ReaderAnswer = StampedText | null | 'again';
export declare const READER_ROLE: string;
export declare const EXHAUSTED: ReadonlySet<string>;
