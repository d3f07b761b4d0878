import { badRequest, conflict, WebexError } from '../errors.ts';

export const imageNotMultipart = () =>
  new WebexError(415, 'Unsupported media type: upload the background image as multipart/form-data with a "file" part and a "fileName" field.');
export const notAnImage = () => new WebexError(415, 'Unsupported media type: a background image is a .jpeg or .png file (image/jpeg or image/png).');
export const imageTooLarge = (maxKb: number) => badRequest(`The image is larger than the ${maxKb} KB allowed for a background image.`);
export const imageNameTaken = (fileName: string) => conflict(`The organization already has a background image named ${fileName}.`);
