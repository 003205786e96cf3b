// The QR scanner's decisions without a camera: when the camera cannot be asked for, what each
// getUserMedia failure tells the user, and when the native BarcodeDetector is used over jsQR.
import { describe, expect, it } from 'vitest';
import { CATALOG_PARTS } from '../../src/i18n/messages/index';
import { cameraBlocker, cameraErrorKey, decodeSize, nativeQrDetector, type BarcodeDetectorClass } from '../../src/ui/qr/qr-scan';

const gum = { getUserMedia: () => undefined };

describe('QR scanner decisions', () => {
  it('explains an insecure page before a missing camera API (browsers hide the API there)', () => {
    expect(cameraBlocker({ isSecureContext: false, mediaDevices: undefined })).toBe('qr.error.insecure');
    expect(cameraBlocker({ isSecureContext: false, mediaDevices: gum })).toBe('qr.error.insecure');
    expect(cameraBlocker({ isSecureContext: true, mediaDevices: undefined })).toBe('qr.error.unsupported');
    expect(cameraBlocker({ isSecureContext: true, mediaDevices: {} })).toBe('qr.error.unsupported');
    expect(cameraBlocker({ isSecureContext: true, mediaDevices: gum })).toBeUndefined();
  });

  it('maps getUserMedia failures to messages the user can act on', () => {
    const err = (name: string) => Object.assign(new Error('x'), { name });
    expect(cameraErrorKey(err('NotAllowedError'))).toBe('qr.error.denied');
    expect(cameraErrorKey(err('SecurityError'))).toBe('qr.error.denied');
    expect(cameraErrorKey(err('NotFoundError'))).toBe('qr.error.noCamera');
    expect(cameraErrorKey(err('OverconstrainedError'))).toBe('qr.error.noCamera');
    expect(cameraErrorKey(err('NotReadableError'))).toBe('qr.error.busy');
    expect(cameraErrorKey(err('TypeError'))).toBe('qr.error.camera');
    expect(cameraErrorKey('weird')).toBe('qr.error.camera');
    expect(cameraErrorKey(null)).toBe('qr.error.camera');
  });

  it('every key the scanner can report has a message in all three languages', () => {
    const keys = ['insecure', 'unsupported', 'denied', 'noCamera', 'busy', 'camera'].map((k) => `qr.error.${k}`);
    const part = CATALOG_PARTS.find((p) => 'qr.error.denied' in p.en);
    expect(part).toBeDefined();
    for (const loc of ['en', 'es', 'zh-CN'] as const) for (const k of keys) expect(part![loc][k], `${loc} ${k}`).toBeTruthy();
  });

  it('uses BarcodeDetector only when it reads qr_code, jsQR otherwise', async () => {
    const made: string[][] = [];
    const fake = (formats: string[] | Error): BarcodeDetectorClass =>
      class {
        static getSupportedFormats = () => (formats instanceof Error ? Promise.reject(formats) : Promise.resolve(formats));
        constructor(o: { formats: string[] }) {
          made.push(o.formats);
        }
        detect = () => Promise.resolve([]);
      };
    expect(await nativeQrDetector(fake(['ean_13', 'qr_code']))).toBeDefined();
    expect(made).toEqual([['qr_code']]);
    expect(await nativeQrDetector(fake([]))).toBeUndefined(); // desktop Chrome on Linux
    expect(await nativeQrDetector(fake(['ean_13']))).toBeUndefined();
    expect(await nativeQrDetector(fake(new Error('no')))).toBeUndefined();
    expect(await nativeQrDetector(undefined)).toBeUndefined(); // Firefox, Safari < 17
    expect(made).toHaveLength(1);
  });

  it('reads 720p frames whole and scales larger ones down, keeping the aspect', () => {
    expect(decodeSize(1280, 720)).toEqual({ width: 1280, height: 720 });
    expect(decodeSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(decodeSize(1080, 1920)).toEqual({ width: 720, height: 1280 });
  });
});
