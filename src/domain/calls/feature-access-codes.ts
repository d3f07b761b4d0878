// The feature access codes (star codes) a Webex Calling user dials, by code: what a dialled code
// resolves to (Test Call Routing) and what a person's list of codes shows (Call Settings For Me).
export const FEATURE_ACCESS_CODES: Readonly<Record<string, string>> = {
  '*72': 'Call Forwarding Always Activation',
  '*73': 'Call Forwarding Always Deactivation',
  '*67': 'Calling Line ID Delivery Blocking per Call',
  '*68': 'Call Park',
  '*88': 'Call Park Retrieve',
  '*78': 'Do Not Disturb Activation',
  '*79': 'Do Not Disturb Deactivation',
  // Followed by the extension of whom to intercom (outbound-route.ts).
  '*50': 'Push to Talk',
};
