// MAC addresses of phones, as Webex validates them before a device is added: 12 hexadecimal
// digits (colons, dashes or dots between pairs are accepted and dropped), upper case. Callplane
// has no devices added by MAC yet, so a well-formed MAC is always AVAILABLE.

export type MacState = 'AVAILABLE' | 'UNAVAILABLE' | 'DUPLICATE_IN_LIST' | 'INVALID';
export type MacStatus = { mac: string; state: MacState; message?: string };

/** The MAC as Webex stores it (12 upper-case hex digits), or undefined when it is not one. */
export function normalizeMac(value: string): string | undefined {
  const digits = value.trim().replace(/[:.-]/g, '');
  if (!/^[0-9A-Fa-f]{12}$/.test(digits)) return undefined;
  const mac = digits.toUpperCase();
  // The all-zero and broadcast addresses name no phone.
  return mac === '000000000000' || mac === 'FFFFFFFFFFFF' ? undefined : mac;
}

/** Each MAC's state, in the order given; the list is OK only when every MAC is AVAILABLE. */
export function validateMacs(macs: readonly string[], inUse: ReadonlySet<string> = new Set()): { status: 'OK' | 'ERRORS'; macStatus: MacStatus[] } {
  const seen = new Set<string>();
  const macStatus = macs.map((given): MacStatus => {
    const mac = normalizeMac(given);
    if (mac === undefined) return { mac: given, state: 'INVALID', message: `${given} is not a MAC address of 12 hexadecimal digits.` };
    if (seen.has(mac)) return { mac: given, state: 'DUPLICATE_IN_LIST', message: `MAC address ${mac} is in the list more than once.` };
    seen.add(mac);
    if (inUse.has(mac)) return { mac: given, state: 'UNAVAILABLE', message: `MAC address ${mac} is in use.` };
    return { mac: given, state: 'AVAILABLE' };
  });
  return { status: macStatus.every((m) => m.state === 'AVAILABLE') ? 'OK' : 'ERRORS', macStatus };
}
