// Store.changeMark's readings that cost a system call or a round trip, shared: callers that ask
// within one turn of the event loop wait for one reading, taken after all of them asked (when the
// turn's I/O callbacks are done). It is as recent as a reading of their own would be, so a change
// committed before any of them asked is in it, for one reading instead of one each (issue 17).

export function oneReadingPerTurn<T>(read: () => T | Promise<T>): () => Promise<T> {
  let next: Promise<T> | undefined;
  return () => {
    next ??= new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        // Who asks from now on waits for a later reading.
        next = undefined;
        Promise.resolve()
          .then(read)
          .then(resolve, reject);
      });
    });
    return next;
  };
}
