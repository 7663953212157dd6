import "server-only";

export {
  DEFAULT_THUMBNAIL_SIZE,
  inspectUpload,
  JPEG_QUALITY,
  makeImageThumbnail,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_PIXELS,
  probeImage,
  WEBP_QUALITY,
  type InspectedImage,
  type ProbedImage,
  type Thumbnail,
} from "./image";
export { IMAGE_FORMATS, sniffImage, type ImageFormat, type ImageMimeType, type SniffResult } from "./sniff";
export { makeVideoPoster, probeVideo, type ProbedVideo, type VideoMimeType, type VideoPoster, type VideoToolOptions } from "./video";
