// What a workspace keeps besides its columns: the parts Webex reads and writes whole.

export type WorkspaceDetails = {
  calendar: { type: string; emailAddress?: string; resourceGroupId?: string };
  deviceHostedMeetings: { enabled: boolean; siteUrl?: string };
  indoorNavigation?: { url: string };
  /** Webex Calling licenses (public IDs) with calling type webexCalling. */
  licenses: string[];
};

export type WorkspaceCallingInput = {
  type?: string;
  webexCalling?: { phoneNumber?: string; extension?: string; locationId?: string; licenses?: string[] };
};

/** The body of a create (displayName required there) or an update. */
export type WorkspaceInput = {
  displayName?: string;
  orgId?: string;
  locationId?: string;
  workspaceLocationId?: string;
  floorId?: string;
  capacity?: number;
  type?: string;
  sipAddress?: string;
  calling?: WorkspaceCallingInput;
  calendar?: { type?: string; emailAddress?: string; resourceGroupId?: string };
  notes?: string;
  hotdeskingStatus?: 'on' | 'off';
  deviceHostedMeetings?: { enabled?: boolean; siteUrl?: string };
  supportedDevices?: 'collaborationDevices' | 'phones';
  indoorNavigation?: { url?: string };
};
