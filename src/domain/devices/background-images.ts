import type { BackgroundImage } from '../../store/devices-store.ts';
import type { Store } from '../../store/store.ts';
import { UniqueViolation } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { imageNameTaken, imageTooLarge, notAnImage } from './background-image-errors.ts';
import { familyOf } from './device-customizations.ts';
import { deviceOf } from './device-service.ts';
import type { DeviceSettingsService } from './device-settings.ts';

// Background images an organization uploads for its MPP phones (Device Call Settings): .jpeg or
// .png files of at most 625 KB, at most 100 per organization, named by file name. A phone shows
// one when a level of its settings points mpp.background.customUrl at the image's URL.

export const MAX_IMAGE_KB = 625;
export const MAX_IMAGE_BYTES = MAX_IMAGE_KB * 1024;
const MAX_IMAGES = 100;
/** Webex deletes at most this many images per request. */
const MAX_DELETE = 10;

export type ImageUpload = { fileName?: string; contentType?: string; content?: Uint8Array };
export type DeletedImage = { fileName: string; result: { status: number; error?: { message: string; errorCode: number } } };

/** The image's address as phones fetch it (Webex's own form: the phone-background store's path). */
export const imageUrl = (fileName: string) => `/dms/Cisco_Phone_Background/${encodeURIComponent(fileName)}`;

/** What the bytes are, by their signature: a client's content type is only a claim. */
function imageType(content: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => content[i] === b)) return 'image/png';
  return undefined;
}

export class BackgroundImageService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly settings: DeviceSettingsService;

  constructor(store: Store, clock: Clock, settings: DeviceSettingsService) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
  }

  list(orgId: string): Promise<BackgroundImage[]> {
    return this.store.devices.backgroundImages(orgId);
  }

  /**
   * Stores an image uploaded through an MPP phone of the organization; answers the new count. The
   * upload is read once the phone is known (another organization's phone is a 404 whatever is sent).
   */
  async upload(orgId: string, devicePublicId: string, read: () => Promise<ImageUpload>): Promise<{ image: BackgroundImage; count: number }> {
    const device = await deviceOf(this.store, orgId, devicePublicId);
    if (familyOf(device) !== 'mpp') throw badRequest(`A ${device.model} shows no background image: upload through an MPP phone.`);
    const upload = await read();
    const fileName = upload.fileName?.trim();
    if (!fileName) throw badRequest('fileName is required: the name of the image file.');
    if (fileName.length > 100 || /[/\\]/.test(fileName)) throw badRequest('fileName is at most 100 characters, without slashes.');
    const content = upload.content;
    if (!content || content.length === 0) throw badRequest('file is required: a .jpeg or .png image.');
    const type = imageType(content);
    if (!type || (upload.contentType !== undefined && upload.contentType !== type && !(upload.contentType === 'image/jpg' && type === 'image/jpeg'))) {
      throw notAnImage();
    }
    if (content.length > MAX_IMAGE_BYTES) throw imageTooLarge(MAX_IMAGE_KB);
    return this.store.transaction(async (tx) => {
      const images = await tx.devices.backgroundImages(orgId);
      if (images.length >= MAX_IMAGES) throw badRequest(`An organization holds at most ${MAX_IMAGES} background images: delete one first.`);
      const image: BackgroundImage = { orgId, fileName, contentType: type, size: content.length, created: timestamp(this.clock) };
      try {
        await tx.devices.insertBackgroundImage(image, content);
      } catch (error) {
        if (error instanceof UniqueViolation) throw imageNameTaken(fileName);
        throw error;
      }
      return { image, count: images.length + 1 };
    });
  }

  /**
   * Deletes the listed images, each with its own result. An image a settings level still shows
   * stays unless forced; forced, those levels show no background.
   */
  async delete(orgId: string, requests: readonly { fileName: string; forceDelete?: boolean }[]): Promise<{ items: DeletedImage[]; count: number }> {
    if (requests.length === 0) throw badRequest('backgroundImages is required: the images to delete.');
    if (requests.length > MAX_DELETE) throw badRequest(`At most ${MAX_DELETE} images can be deleted per request.`);
    return this.store.transaction(async (tx) => {
      const known = new Set((await tx.devices.backgroundImages(orgId)).map((i) => i.fileName));
      const items: DeletedImage[] = [];
      for (const { fileName, forceDelete } of requests) {
        if (!known.has(fileName)) {
          items.push({ fileName, result: { status: 404, error: { message: `No background image named ${fileName}.`, errorCode: 4008 } } });
          continue;
        }
        const showing = await this.settings.levelsShowing(tx, orgId, imageUrl(fileName));
        if (showing.length > 0 && forceDelete !== true) {
          items.push({ fileName, result: { status: 400, error: { message: 'The image is in use as a background: delete it with forceDelete.', errorCode: 4305 } } });
          continue;
        }
        await this.settings.clearBackground(tx, showing);
        await tx.devices.deleteBackgroundImage(orgId, fileName);
        known.delete(fileName);
        items.push({ fileName, result: { status: 200 } });
      }
      return { items, count: known.size };
    });
  }
}
