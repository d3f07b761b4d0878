import module from 'node:module';

// `npm start` and `callplane` (bin/callplane.js). Node keeps compiled (and type-stripped) modules
// in a cache on disk, so every start after the first skips compiling the server's code: about
// 300 ms of a one-second start. The cache only takes effect for modules loaded after this call,
// hence the dynamic import.
module.enableCompileCache();
const { main } = await import('./cli/main.ts');
await main(process.argv.slice(2));
