import { isValidExtension } from '../phone-numbers.ts';

// Validating a list of extensions, as the two validateExtensions actions answer it: every entry
// gets a state, in the order given; the list is OK only when every entry is VALID.

export type ExtensionState = 'VALID' | 'DUPLICATE' | 'DUPLICATE_IN_LIST' | 'INVALID';

export type ExtensionStatus = { extension: string; state: ExtensionState; message?: string };

export type ExtensionValidation = { status: 'OK' | 'ERRORS'; extensionStatus: ExtensionStatus[] };

/** `inUse`: the extensions already held where the check applies (members of a location). */
export function validateExtensions(extensions: readonly string[], inUse: ReadonlySet<string>): ExtensionValidation {
  const seen = new Set<string>();
  const extensionStatus = extensions.map((extension): ExtensionStatus => {
    // A repeat is reported as such, whatever the first occurrence was found to be.
    if (seen.has(extension)) {
      return { extension, state: 'DUPLICATE_IN_LIST', message: `Extension ${extension} appears more than once in the list.` };
    }
    seen.add(extension);
    if (!isValidExtension(extension)) return { extension, state: 'INVALID', message: `Extension "${extension}" is not valid: an extension is 2 to 10 digits.` };
    if (inUse.has(extension)) return { extension, state: 'DUPLICATE', message: `Extension ${extension} is already assigned in this location.` };
    return { extension, state: 'VALID' };
  });
  return { status: extensionStatus.every((s) => s.state === 'VALID') ? 'OK' : 'ERRORS', extensionStatus };
}
