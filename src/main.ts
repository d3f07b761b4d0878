import module from 'node:module';

// `npm start`. Node keeps compiled (and type-stripped) modules in a cache on disk, so every start
// after the first skips compiling the server's code: about 300 ms of a one-second start. The
// cache only takes effect for modules loaded after this call, hence the dynamic import.
module.enableCompileCache();
await import('./serve.ts');
