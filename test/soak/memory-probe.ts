// Loaded into the soak's server process (node --expose-gc --import …/memory-probe.ts src/main.ts):
// on SIGUSR2 it runs a full garbage collection and reports the heap that survives it, so a leak
// shows as a rising line instead of hiding in the collector's saw-tooth. Test-only: the server
// itself knows nothing of it.

const gc = (globalThis as { gc?: () => void }).gc;

process.on('SIGUSR2', () => {
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.stderr.write(`memory-probe heapUsed=${heapUsed} rss=${rss} gc=${gc ? 'yes' : 'no'}\n`);
});
