// What the domain may ask of persistence for the receptionist-contacts area.
export interface ReceptionistContactRepository {}
