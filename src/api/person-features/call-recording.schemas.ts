import { Type } from 'typebox';
import { IdParam, NoContent, OrgQuery, responses } from '../../http/schemas.ts';

const RecordMode = Type.Union(
  [Type.Literal('Always'), Type.Literal('Never'), Type.Literal('Always with Pause/Resume'), Type.Literal('On Demand with User Initiated Start')],
  { description: 'Start and stop recording by call control only with "On Demand with User Initiated Start"; pause and resume also with "Always with Pause/Resume".' },
);
const NotificationType = Type.Union([Type.Literal('None'), Type.Literal('Beep'), Type.Literal('Play Announcement')]);

const Settings = {
  enabled: Type.Boolean({ description: 'Call recording is on for the person; off, every recording action is refused.' }),
  record: RecordMode,
  recordVoicemailEnabled: Type.Boolean(),
  startStopAnnouncementEnabled: Type.Boolean(),
  notification: Type.Object({ type: NotificationType, enabled: Type.Boolean() }),
  repeat: Type.Object({ interval: Type.Integer({ minimum: 10, maximum: 1800, description: '10 to 1800 seconds.' }), enabled: Type.Boolean() }),
  startStopAnnouncement: Type.Object({ internalCallsEnabled: Type.Boolean(), pstnCallsEnabled: Type.Boolean() }),
};

const PersonParams = IdParam('personId', 'A unique identifier for the person.');

export const GetCallRecording = {
  summary: "Read Call Recording Settings for a Person",
  tags: ['People'],
  params: PersonParams,
  querystring: OrgQuery,
  response: responses({
    200: Type.Object({
      ...Settings,
      serviceProvider: Type.String({ description: 'The recording vendor’s identity of the organization.' }),
      externalGroup: Type.String({ description: 'The recording vendor’s group of the person.' }),
      externalIdentifier: Type.String({ description: 'The recording vendor’s identity of the person.' }),
    }),
  }),
};

export const UpdateCallRecording = {
  summary: 'Configure Call Recording Settings for a Person',
  tags: ['People'],
  params: PersonParams,
  querystring: OrgQuery,
  body: Type.Object({
    enabled: Type.Optional(Settings.enabled),
    record: Type.Optional(RecordMode),
    recordVoicemailEnabled: Type.Optional(Type.Boolean()),
    startStopAnnouncementEnabled: Type.Optional(Type.Boolean()),
    notification: Type.Optional(Type.Partial(Settings.notification)),
    repeat: Type.Optional(Type.Partial(Settings.repeat)),
    startStopAnnouncement: Type.Optional(Type.Partial(Settings.startStopAnnouncement)),
  }),
  response: responses({ 204: NoContent }),
};
