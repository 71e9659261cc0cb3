/**
 * Let the test worker's event loop run (vitest's RPC with the main process needs it at least once
 * a minute): await this between the cases of a long property.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
