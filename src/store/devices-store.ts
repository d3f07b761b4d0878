// What the domain may ask of persistence for devices and the lines on them.
import type { Page } from './store.ts';

export type ActivationState = 'activating' | 'activated';

export type StoredDevice = {
  id: string;
  orgId: string;
  /** The owner: a person or a workspace (exactly one is set). */
  personId: string | null;
  workspaceId: string | null;
  /** The owner's calling location when the device was added. */
  locationId: string | null;
  displayName: string;
  /** 12 upper-case hex digits; null while the device waits for its activation code. */
  mac: string | null;
  model: string;
  tags: string[];
  activationState: ActivationState;
  activationCode: string | null;
  activationExpiry: string | null;
  created: string;
  /** When the device last took its configuration (a rebuild or a settings job); null: never since added. */
  configSynced: string | null;
};

export type MemberKind = 'person' | 'workspace' | 'virtualLine';

/** A port's line options, as Webex's device members carry them. */
export type DeviceLine = {
  primaryOwner: boolean;
  lineType: 'PRIMARY' | 'SHARED_CALL_APPEARANCE';
  lineWeight: number;
  hotlineEnabled: boolean;
  hotlineDestination: string;
  allowCallDeclineEnabled: boolean;
  t38FaxCompressionEnabled: boolean;
  lineLabel?: string;
};

export type StoredDeviceMember = { deviceId: string; orgId: string; port: number; memberKind: MemberKind; memberId: string; line: DeviceLine };
/** A port of a person's Webex App: as a device's, the person in place of the device. */
export type StoredApplicationMember = Omit<StoredDeviceMember, 'deviceId'> & { personId: string };

/** Filters of the device list; absent ones match every device. */
export type DeviceFilter = {
  personId?: string;
  workspaceId?: string;
  locationId?: string;
  mac?: string;
  displayName?: string;
  activationState?: ActivationState;
  /** Devices holding every one of these tags. */
  tags?: string[];
  start: number;
  max: number;
};

/** An uploaded phone background image (the bytes are read on their own). */
export type BackgroundImage = { orgId: string; fileName: string; contentType: string; size: number; created: string };

export interface DeviceRepository {
  /** UniqueViolation for a MAC the organization already has. */
  insert(device: StoredDevice, members: readonly StoredDeviceMember[]): Promise<void>;
  get(orgId: string, id: string): Promise<StoredDevice | undefined>;
  findByMac(orgId: string, mac: string): Promise<StoredDevice | undefined>;
  /** In creation order. */
  list(orgId: string, filter: DeviceFilter): Promise<Page<StoredDevice, number>>;
  updateTags(orgId: string, id: string, tags: readonly string[]): Promise<void>;
  /** Deletes the device with its members. */
  delete(orgId: string, id: string): Promise<void>;
  /** The device's ports, in order. */
  members(orgId: string, deviceId: string): Promise<StoredDeviceMember[]>;
  /** The device's stored layout (JSON), or undefined for the model's default. */
  layout(orgId: string, deviceId: string): Promise<string | undefined>;
  /** Stores the layout (JSON), or null to return to the default. */
  setLayout(orgId: string, deviceId: string, layout: string | null): Promise<void>;
  /** A third-party phone's SIP password. */
  setSipPassword(orgId: string, deviceId: string, password: string): Promise<void>;
  /** Replaces every port of the device. */
  replaceMembers(orgId: string, deviceId: string, members: readonly StoredDeviceMember[]): Promise<void>;
  /** Every port, on any device of the organization, that carries this member's line. */
  linesOf(orgId: string, memberId: string): Promise<StoredDeviceMember[]>;
  /** Every port, on any device of the organization, carrying a line of this kind of member. */
  linesOfKind(orgId: string, kind: MemberKind): Promise<StoredDeviceMember[]>;
  /** Takes the member's line off every device of the organization (the member is being deleted). */
  deleteLinesOf(orgId: string, memberId: string): Promise<void>;
  getMany(orgId: string, ids: readonly string[]): Promise<StoredDevice[]>;
  /** The ports of the person's Webex App, in order. */
  applicationMembers(orgId: string, personId: string): Promise<StoredApplicationMember[]>;
  /** Replaces every port of the person's Webex App. */
  replaceApplicationMembers(orgId: string, personId: string, members: readonly StoredApplicationMember[]): Promise<void>;
  /** Every port, on any person's Webex App in the organization, that carries this member's line. */
  applicationLinesOf(orgId: string, memberId: string): Promise<StoredApplicationMember[]>;
  /** Records that the device took its configuration at `at`. */
  markSynced(orgId: string, id: string, at: string): Promise<void>;
  /** The organization's background images, by file name. */
  backgroundImages(orgId: string): Promise<BackgroundImage[]>;
  /** UniqueViolation for a file name the organization already has. */
  insertBackgroundImage(image: BackgroundImage, content: Uint8Array): Promise<void>;
  deleteBackgroundImage(orgId: string, fileName: string): Promise<void>;
}
