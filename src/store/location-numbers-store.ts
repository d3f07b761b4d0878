// What the domain may ask of persistence for the location-numbers area.
export interface LocationNumberRepository {}
