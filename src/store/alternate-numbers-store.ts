// What the domain may ask of persistence for alternate numbers (a person's or workspace's numbers
// beside its primary line).

export type AlternateOwnerKind = 'person' | 'workspace';
export type RingPattern = 'NORMAL' | 'LONG_LONG' | 'SHORT_SHORT_LONG' | 'SHORT_LONG_SHORT';

export type AlternateNumber = {
  phoneNumber: string;
  orgId: string;
  ownerKind: AlternateOwnerKind;
  ownerId: string;
  extension: string | null;
  ringPattern: RingPattern;
  created: string;
};

export interface AlternateNumberRepository {
  get(phoneNumber: string): Promise<AlternateNumber | undefined>;
  /** The owner's alternate numbers, oldest first. */
  ofOwner(orgId: string, ownerId: string): Promise<AlternateNumber[]>;
  /** UniqueViolation when the number is someone's alternate already. */
  insert(number: AlternateNumber): Promise<void>;
  delete(phoneNumber: string): Promise<void>;
  deleteOfOwner(orgId: string, ownerId: string): Promise<void>;
  /** The alternate number of the location (by its number's location) that has the extension. */
  findByExtension(locationId: string, extension: string): Promise<AlternateNumber | undefined>;
}
