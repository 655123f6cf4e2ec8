/** Internal errors are logged on the server only, one JSON line each; clients get a fixed message. */
export function logInternalError(source: string, error: unknown) {
  const detail = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', source, ...detail }));
}
