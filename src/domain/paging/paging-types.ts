// A paging group's settings as Webex reads and writes them (name, number, extension and members
// are kept apart: they must stay unique or follow their person).

export type PagingGroupSettings = {
  languageCode: string;
  firstName: string;
  lastName: string;
  /** Targets see the originator's caller ID (true) or the paging group's (false). */
  originatorCallerIdEnabled: boolean;
  directLineCallerIdName: { selection: 'CUSTOM_NAME' | 'DISPLAY_NAME'; customName?: string };
  dialByName?: string;
};
