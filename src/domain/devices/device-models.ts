// The phone models Callplane knows (the supported devices list): what a device may be added as,
// how many lines it carries, and what its owner may change on it. Webex accepts a model by its
// name ("DMS Cisco 8865") or its display name ("Cisco 8865"); both are matched without case.

export type DeviceModel = {
  model: string;
  displayName: string;
  /** MPP (Cisco multiplatform phones), ATA (analog adapters), GENERIC_SIP (customer managed). */
  type: 'MPP' | 'ATA' | 'GENERIC_SIP';
  manufacturer: 'CISCO' | 'THIRD_PARTY';
  managedBy: 'CISCO' | 'CUSTOMER';
  onboardingMethod: ('MAC_ADDRESS' | 'ACTIVATION_CODE')[];
  numberOfLinePorts: number;
  /** Line keys of the phone itself (0: no layout to configure). */
  numberOfLineKeyButtons: number;
  kemModuleType: ('KEM_14_KEYS' | 'KEM_18_KEYS' | 'KEM_20_KEYS')[];
  kemModuleCount: number;
  touchScreenPhone: boolean;
};

const mpp = (name: string, ports: number, keys: number, kem: DeviceModel['kemModuleType'], touch = false): DeviceModel => ({
  model: `DMS Cisco ${name}`,
  displayName: `Cisco ${name}`,
  type: 'MPP',
  manufacturer: 'CISCO',
  managedBy: 'CISCO',
  onboardingMethod: ['MAC_ADDRESS', 'ACTIVATION_CODE'],
  numberOfLinePorts: ports,
  numberOfLineKeyButtons: keys,
  kemModuleType: kem,
  kemModuleCount: kem.length > 0 ? 3 : 0,
  touchScreenPhone: touch,
});

const ata = (name: string): DeviceModel => ({
  model: `DMS Cisco ${name}`,
  displayName: `Cisco ${name}`,
  type: 'ATA',
  manufacturer: 'CISCO',
  managedBy: 'CISCO',
  onboardingMethod: ['MAC_ADDRESS', 'ACTIVATION_CODE'],
  numberOfLinePorts: 2,
  numberOfLineKeyButtons: 0,
  kemModuleType: [],
  kemModuleCount: 0,
  touchScreenPhone: false,
});

export const DEVICE_MODELS: readonly DeviceModel[] = [
  mpp('6821', 2, 2, []),
  mpp('6841', 4, 4, []),
  mpp('6851', 4, 4, ['KEM_14_KEYS']),
  mpp('6871', 6, 6, []),
  mpp('7811', 1, 0, []),
  mpp('7821', 2, 2, []),
  mpp('7841', 4, 4, []),
  mpp('7861', 16, 16, []),
  mpp('8811', 10, 5, []),
  mpp('8841', 10, 5, []),
  mpp('8845', 10, 5, []),
  mpp('8851', 10, 5, ['KEM_18_KEYS', 'KEM_20_KEYS']),
  mpp('8861', 10, 5, ['KEM_18_KEYS', 'KEM_20_KEYS']),
  mpp('8865', 10, 5, ['KEM_18_KEYS', 'KEM_20_KEYS']),
  mpp('8875', 16, 0, [], true),
  ata('191'),
  ata('192'),
  {
    model: 'Generic IPPhone Customer Managed',
    displayName: 'Generic IPPhone Customer Managed',
    type: 'GENERIC_SIP',
    manufacturer: 'THIRD_PARTY',
    managedBy: 'CUSTOMER',
    onboardingMethod: ['MAC_ADDRESS'],
    numberOfLinePorts: 1,
    numberOfLineKeyButtons: 0,
    kemModuleType: [],
    kemModuleCount: 0,
    touchScreenPhone: false,
  },
];

/** The model named by its model name or display name, without case; undefined when unknown. */
export function findModel(name: string): DeviceModel | undefined {
  const wanted = name.trim().toLowerCase();
  return DEVICE_MODELS.find((m) => m.model.toLowerCase() === wanted || m.displayName.toLowerCase() === wanted);
}

/** DECT base stations: how many bases, lines and handsets one network of the model holds. */
export type DectModel = { model: string; displayName: string; numberOfBaseStations: number; numberOfLinePorts: number; numberOfRegistrationsSupported: number };

export const DECT_MODELS: readonly DectModel[] = [
  { model: 'DMS Cisco DBS110', displayName: 'Cisco DECT 110 Base', numberOfBaseStations: 1, numberOfLinePorts: 30, numberOfRegistrationsSupported: 30 },
  { model: 'DMS Cisco DBS210', displayName: 'Cisco DECT 210 Multi-Cell Base', numberOfBaseStations: 254, numberOfLinePorts: 1000, numberOfRegistrationsSupported: 1000 },
];
