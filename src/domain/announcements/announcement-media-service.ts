import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import type { MediaLinks } from '../media/media-links.ts';
import { MAX_AUDIO_FILE_BYTES, MAX_AUDIO_FILE_KB, type AnnouncementService, type AnnouncementUpload } from './announcements-service.ts';
import { fileTooLarge } from './announcement-errors.ts';

// Announcement Repository with Media URLs: file URIs of announcements, upload slots behind signed
// upload URLs, and signed download URLs. Webex stores the files in S3, encrypted with a KMS key;
// Callplane keeps them in its store, unencrypted, and serves the signed URLs itself. A fileUri is
// cmf://customers/<organization uuid>/media/urls/<s3Path>, and s3Path is the uuid of an
// announcement, of an upload, or of a text-to-speech prompt.

/** Callplane encrypts nothing: kmsKeyUri names no key (documented in docs/announcements.md). */
export const KMS_KEY_URI = 'kms://callplane/keys/unencrypted';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FILE_URI = new RegExp(`^cmf://customers/(${UUID})/media/(?:urls/)?(?:tmp/)?(${UUID})$`);
const S3_PATH = new RegExp(`^(?:tmp/)?(${UUID})$`);

export const fileUriOf = (orgId: string, key: string) => `cmf://customers/${orgId}/media/urls/${key}`;

export const mediaNotFound = () => notFound('Media file not found: no announcement, upload or text-to-speech prompt has this path.');
const invalidFileUri = (fileUri: string) =>
  badRequest(`fileUri "${fileUri}" is not a file URI of this organization: use one from Generate Upload URL or a text-to-speech prompt.`);
const fileUriRequired = () =>
  badRequest('fileUri is required in a JSON request: the file URI of an upload (Generate Upload URL) or of a text-to-speech prompt; or upload the file as multipart/form-data.');
const notUploaded = () => badRequest('fileUri: nothing was uploaded to its upload URL yet.');

/** What creating an announcement from a file URI sends (application/json). */
export type FileUriAnnouncement = { name?: unknown; fileUri?: unknown; fileName?: unknown; isTextToSpeech?: unknown };

export class AnnouncementMediaService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly links: MediaLinks;
  private readonly announcements: AnnouncementService;

  constructor(deps: { store: Store; clock: Clock; links: MediaLinks; announcements: AnnouncementService }) {
    this.store = deps.store;
    this.clock = deps.clock;
    this.links = deps.links;
    this.announcements = deps.announcements;
  }

  /** The fileUri of an announcement at the level of the path (404 as its details would). */
  async announcementFileUri(orgId: string, locationPublicId: string | undefined, announcementPublicId: string): Promise<string> {
    const announcement = await this.announcements.details(orgId, locationPublicId, announcementPublicId);
    return fileUriOf(orgId, announcement.id);
  }

  /** An empty upload slot: where to PUT the file, and the fileUri that names it afterwards. */
  async generateUploadUrl(orgId: string): Promise<{ uploadPath: string; fileUri: string }> {
    const id = randomUUID();
    await this.store.announcements.insertMedia({ id, orgId, source: 'upload', created: timestamp(this.clock) }, null);
    return { uploadPath: this.links.sign('PUT', orgId, id), fileUri: fileUriOf(orgId, id) };
  }

  /** A signed download link for an s3Path: an announcement, or media that has its audio. */
  async downloadPath(orgId: string, s3Path: string): Promise<string> {
    const key = S3_PATH.exec(s3Path)?.[1];
    if (!key || !(await this.content(orgId, key))) throw mediaNotFound();
    return this.links.sign('GET', orgId, key);
  }

  /** Signed link to a key known to hold audio (a text-to-speech prompt that is ready). */
  signedDownload(orgId: string, key: string): string {
    return this.links.sign('GET', orgId, key);
  }

  /** The audio a signed GET link names. */
  async download(orgId: string, key: string, expires?: string, signature?: string): Promise<Uint8Array> {
    this.links.check('GET', orgId, key, expires, signature);
    const content = await this.content(orgId, key);
    if (!content) throw mediaNotFound();
    return content;
  }

  /** Stores the file a signed PUT link was made for (a later PUT replaces it, as S3 does). */
  async upload(orgId: string, key: string, content: Uint8Array, expires?: string, signature?: string): Promise<void> {
    this.links.check('PUT', orgId, key, expires, signature);
    if (content.length > MAX_AUDIO_FILE_BYTES) throw fileTooLarge(MAX_AUDIO_FILE_KB);
    const media = await this.store.announcements.getMedia(orgId, key);
    if (!media || media.source !== 'upload') throw mediaNotFound();
    await this.store.announcements.putMediaContent(orgId, key, content);
  }

  /**
   * The upload an application/json announcement request stands for: the audio its fileUri names.
   * A missing name or fileName is left out for the announcement service to refuse as for a form.
   */
  async fromFileUri(orgId: string, body: FileUriAnnouncement): Promise<AnnouncementUpload> {
    const upload: AnnouncementUpload = {
      ...(typeof body.name === 'string' ? { name: body.name } : {}),
      ...(typeof body.fileName === 'string' ? { fileName: body.fileName } : {}),
    };
    if (typeof body.fileUri !== 'string') throw fileUriRequired();
    const match = FILE_URI.exec(body.fileUri);
    if (!match || match[1] !== orgId) throw invalidFileUri(body.fileUri);
    const content = await this.content(orgId, match[2]!);
    if (!content) {
      if (await this.store.announcements.getMedia(orgId, match[2]!)) throw notUploaded();
      throw invalidFileUri(body.fileUri);
    }
    return { ...upload, content };
  }

  private async content(orgId: string, key: string): Promise<Uint8Array | undefined> {
    return (await this.store.announcements.mediaContent(orgId, key)) ?? (await this.store.announcements.content(orgId, key));
  }
}
