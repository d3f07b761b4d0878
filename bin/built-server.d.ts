// Types of built-server.js (bin/ holds JavaScript only: see there).
export declare const BUILT_INPUTS: string;
/** Each bundled source and each bundled dependency's package.json, relative to the root, as [mtimeMs, size]. */
export type BuiltInputs = Record<string, [number, number]>;
export declare function currentBuild(root: URL): URL | undefined;
