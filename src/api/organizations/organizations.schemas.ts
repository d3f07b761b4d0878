import { Type, type Static } from 'typebox';

export const Organization = Type.Object({
  id: Type.String({ description: 'A unique identifier for the organization.' }),
  displayName: Type.String({ description: 'Full name of the organization.' }),
  created: Type.String({ description: 'The date and time the organization was created.' }),
});
export type Organization = Static<typeof Organization>;
