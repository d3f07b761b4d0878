// Known ways Callplane's answers still break Cisco's documents. Each is being fixed on the
// protocol-defects branch (issue 12 §4), whose files this branch does not touch; the response
// check of the test client (webex-schemas.ts) forgives exactly these, and the list is emptied
// when that branch lands. Each entry: the operation, a pattern over the violation
// ("<JSON pointer> <what is wrong>"), and the defect.

export type KnownViolation = { operationId: string; match: RegExp; defect: string };

const missing = (operationId: string, fields: string[], defect: string): KnownViolation => ({
  operationId,
  match: new RegExp(`^/(?:\\S*/)?(?:${fields.join('|')}) must have required property`),
  defect,
});

export const knownViolations: KnownViolation[] = [
  missing('getATrunk', ['outboundProxy', 'responseStatus', 'maxConcurrentCalls', 'customer', 'port', 'pChargeInfoSupportPolicy'], 'Trunk details lack outboundProxy, responseStatus, maxConcurrentCalls, customer, port (REGISTERING), pChargeInfoSupportPolicy.'),
  missing('createADialPlan', ['dialPatternErrors'], 'Dial plan create answers {id} without dialPatternErrors.'),
  missing('getLocationWebexCallingDetails', ['connection', 'externalCallerIdName', 'userLimit', 'outsideDialDigit', 'routingPrefix'], 'Location calling details omit required fields when unset.'),
  missing('getLocationWebexCallingDetails', ['phoneNumber'], 'callingLineId without phoneNumber when the location has no main number (found by this check; location-calling area).'),
  missing('listLocationsWebexCallingDetails', ['phoneNumber'], 'callingLineId without phoneNumber in the list (found by this check; location-calling area).'),
  missing('getPhoneNumbersForAnOrganizationWithGivenCriteria', ['isReservedNumber'], 'isReservedNumber missing on numbers list items.'),
  missing('readCallRecordingSettingsForAPerson', ['serviceProvider', 'externalGroup', 'externalIdentifier'], "A person's call recording lacks serviceProvider, externalGroup, externalIdentifier."),
  missing('getALocationEmergencyCallbackNumber', ['locationMemberInfo', 'effectiveValue'], 'ECBN lacks locationMemberInfo (and effectiveValue of locationInfo/locationMemberInfo).'),
  {
    operationId: 'createAReceptionistContactDirectory',
    match: /^status 201 is not a documented success status/,
    defect: 'Receptionist directory create answers 201; the document says 200.',
  },
  missing('getDetailsForAReceptionistContactDirectory', ['featureId', 'department', 'phoneNumber'], 'Directory contacts omit featureId, department, phoneNumber when unset (found by this check; receptionist-contacts area).'),
  missing('getTheListOfPhoneNumbersAvailableForExternalCallerID', ['phoneNumberType', 'mainNumber', 'includedTelephonyTypes', 'isReservedNumber'], 'Available external caller ID numbers lack phoneNumberType, mainNumber, includedTelephonyTypes, isReservedNumber (found by this check; location-numbers area).'),
];
