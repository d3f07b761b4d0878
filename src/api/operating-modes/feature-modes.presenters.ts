import type { currentMode } from '../../domain/operating-modes/feature-modes.ts';
import type { FeatureModes, OperatingMode } from '../../domain/operating-modes/operating-mode-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';

const modeId = (id: string) => encodeId('OPERATING_MODE', id);

/** A feature's operating modes in its call forwarding settings (modes that are gone are left out). */
export function presentFeatureModes(fm: FeatureModes, modes: ReadonlyMap<string, OperatingMode>, current: ReturnType<typeof currentMode>) {
  return {
    enabled: fm.enabled,
    // No mode in force: normal operation has no mode to name.
    currentOperatingModeId: current ? modeId(current.mode.id) : '',
    exceptionType: current?.exceptionType ?? 'AUTOMATIC_SWITCH_BACK_STANDARD',
    modes: fm.modes.flatMap((entry) => {
      const mode = modes.get(entry.id);
      if (!mode) return [];
      const own = mode.settings.callForwarding;
      return [
        {
          normalOperationEnabled: entry.normalOperationEnabled,
          id: modeId(mode.id),
          name: mode.name,
          type: mode.type,
          level: mode.locationId === null ? ('ORGANIZATION' as const) : ('LOCATION' as const),
          forwardTo: {
            selection: entry.forwardTo.selection,
            destination: entry.forwardTo.destination ?? '',
            destinationVoicemailEnabled: entry.forwardTo.destinationVoicemailEnabled,
            defaultDestination: own.destination ?? '',
            defaultDestinationVoicemailEnabled: own.destinationVoicemailEnabled,
            defaultForwardToSelection: own.enabled ? ('FORWARD_TO_SPECIFIED_NUMBER' as const) : ('DO_NOT_FORWARD' as const),
          },
        },
      ];
    }),
  };
}
