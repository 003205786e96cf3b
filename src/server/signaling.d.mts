// Types of signaling.mjs for the TypeScript tests and tools that import it.
import type { Server } from 'node:http';

export declare const SIGNAL_PATH: '/signal';

export type SignalingOptions = {
  readonly path: string;
  readonly maxMessageBytes: number;
  readonly maxTopicsPerSocket: number;
  readonly maxSocketsPerTopic: number;
  readonly maxSockets: number;
  readonly maxTopicLength: number;
  readonly pingIntervalMs: number;
  readonly burstMessages: number;
  readonly messagesPerSecond: number;
  readonly maxBufferedBytes: number;
};

export declare const SIGNALING_DEFAULTS: SignalingOptions;

/** Attaches the relay to `server` at `path`; returns a dispose that closes every relay socket. */
export declare function attachSignaling(server: Server, options?: Partial<SignalingOptions>): () => void;
