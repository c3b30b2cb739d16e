import { Server } from 'node:http';
import { HttpServerLimits } from '../config/app-config';

/**
 * Bounds what one client can hold: headers and the whole request must arrive in time (Node.js
 * answers 408 and closes the connection), idle keep-alive connections are closed, and
 * connections beyond the cap are dropped at once.
 */
export function applyServerLimits(server: Server, limits: HttpServerLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // Node.js checks those timeouts on this interval (default 30 s, which would let a slow client
  // stay up to 30 s past its deadline); it is read when the server starts listening. Typed only
  // as a createServer option, but Nest creates the server.
  Object.assign(server, { connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs) });
}
