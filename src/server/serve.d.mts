// Types of serve.mjs for the TypeScript tests and tools that import it.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { SignalingOptions } from './signaling.mjs';

export declare const DEFAULT_ROOT: string;

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export type StartOptions = {
  readonly port?: number;
  readonly host?: string;
  readonly root?: string;
  readonly handlers?: readonly Handler[];
  /** false: no relay; an object: the relay's limits. */
  readonly signaling?: boolean | Partial<SignalingOptions>;
};

export type RunningServer = {
  readonly url: string;
  readonly signalingUrl: string | undefined;
  readonly server: Server;
  close(): Promise<void>;
};

export declare function startServer(options?: StartOptions): Promise<RunningServer>;
