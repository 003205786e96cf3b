// The DOM-free decisions of the QR scanner: can this page use a camera at all, what a failed
// getUserMedia means to the user (as a message key), and which decoder reads the frames — the
// browser's BarcodeDetector where it knows QR codes, jsQR otherwise.

export type QrErrorKey =
  | 'qr.error.insecure'
  | 'qr.error.unsupported'
  | 'qr.error.denied'
  | 'qr.error.noCamera'
  | 'qr.error.busy'
  | 'qr.error.camera';

/** What the scanner needs to know of its environment (window and navigator in the app). */
export type CameraEnvironment = {
  readonly isSecureContext: boolean;
  readonly mediaDevices?: { getUserMedia?: unknown } | undefined;
};

/** Why the camera cannot even be asked for, or undefined when it can. */
export function cameraBlocker(env: CameraEnvironment): QrErrorKey | undefined {
  // Browsers hide navigator.mediaDevices entirely outside a secure context, so check that first
  // to give the message that tells the user what to do (open the https address).
  if (!env.isSecureContext) return 'qr.error.insecure';
  if (typeof env.mediaDevices?.getUserMedia !== 'function') return 'qr.error.unsupported';
  return undefined;
}

/** The message key for a getUserMedia rejection (a DOMException, by name). */
export function cameraErrorKey(error: unknown): QrErrorKey {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError': // older Chrome
    case 'SecurityError':
      return 'qr.error.denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError': // older Chrome
    case 'OverconstrainedError':
      return 'qr.error.noCamera';
    case 'NotReadableError':
    case 'TrackStartError': // older Chrome
    case 'AbortError':
      return 'qr.error.busy';
    default:
      return 'qr.error.camera';
  }
}

/** The constraints we open the camera with: the rear camera when there is one, HD if offered. */
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

/** The Shape Detection API's BarcodeDetector (not in TypeScript's DOM library yet). */
export type BarcodeDetectorClass = {
  new (options: { formats: string[] }): { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
  getSupportedFormats?(): Promise<string[]>;
};

/**
 * The native detector when the browser has one that reads QR codes. Desktop Chrome on Linux and
 * Windows defines the class but supports no formats, and Firefox has none: both get undefined,
 * so the caller loads jsQR.
 */
export async function nativeQrDetector(ctor: BarcodeDetectorClass | undefined): Promise<InstanceType<BarcodeDetectorClass> | undefined> {
  if (typeof ctor !== 'function') return undefined;
  try {
    const formats = (await ctor.getSupportedFormats?.()) ?? [];
    if (!formats.includes('qr_code')) return undefined;
    return new ctor({ formats: ['qr_code'] });
  } catch {
    return undefined;
  }
}

/**
 * The size to scale a camera frame to before jsQR reads it: a 1.2 KB offer is ~130 modules wide
 * and fills perhaps half of a 720p frame, ~3 px per module — so 720p is read at full size and only
 * larger frames are scaled down, to keep one decode short on a tablet.
 */
export function decodeSize(videoWidth: number, videoHeight: number, maxSide = 1280): { width: number; height: number } {
  const longest = Math.max(videoWidth, videoHeight);
  if (longest <= maxSide) return { width: videoWidth, height: videoHeight };
  const k = maxSide / longest;
  return { width: Math.round(videoWidth * k), height: Math.round(videoHeight * k) };
}
