// What the domain may ask of persistence for the call-routing area.
export interface CallRoutingRepository {}
