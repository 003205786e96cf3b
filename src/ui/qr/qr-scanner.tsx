// Reads a QR code with the device's camera (the rear one when there is a choice): the browser's
// BarcodeDetector where it reads QR codes, jsQR (loaded on first use) otherwise. The camera is
// stopped as soon as a code is read, on Cancel, and when the component goes away — a camera
// light left on is a privacy bug. When the camera cannot be used the user is told why and what
// to do instead, and `onError` gets the same message key.

import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useServices } from '../services';
import { CAMERA_CONSTRAINTS, cameraBlocker, cameraErrorKey, decodeSize, nativeQrDetector, type BarcodeDetectorClass, type QrErrorKey } from './qr-scan';
import './qr.css';

export type QrScannerProps = {
  /** Called once with the decoded text; the camera is already off. */
  readonly onResult: (text: string) => void;
  readonly onError?: (key: QrErrorKey) => void;
  /** The user pressed Cancel (the camera is already off). */
  readonly onCancel?: () => void;
};

type Decode = (video: HTMLVideoElement) => Promise<string | undefined>;

const NATIVE_INTERVAL_MS = 80;
// jsQR is a full decode on the main thread; ~7 tries a second keeps the page responsive.
const JSQR_INTERVAL_MS = 150;

async function makeDecoder(): Promise<{ decode: Decode; interval: number }> {
  const native = await nativeQrDetector((globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector);
  if (native) {
    return {
      interval: NATIVE_INTERVAL_MS,
      decode: async (video) => (video.readyState >= 2 ? (await native.detect(video))[0]?.rawValue || undefined : undefined),
    };
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    interval: JSQR_INTERVAL_MS,
    decode: async (video) => {
      if (!ctx || video.readyState < 2 || !video.videoWidth) return undefined;
      const { width, height } = decodeSize(video.videoWidth, video.videoHeight);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      ctx.drawImage(video, 0, 0, width, height);
      const found = jsQR(ctx.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' });
      return found?.data || undefined;
    },
  };
}

export function QrScanner(props: QrScannerProps) {
  const { i18n } = useServices();
  const t = (key: string) => i18n.t(key);
  const [phase, setPhase] = createSignal<'starting' | 'scanning' | 'error' | 'done'>('starting');
  const [error, setError] = createSignal<QrErrorKey>();
  let video!: HTMLVideoElement;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by every stop: an attempt that finds it changed was cancelled while it awaited.
  let attempt = 0;

  const stop = () => {
    attempt++;
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    if (video) video.srcObject = null;
  };

  const fail = (key: QrErrorKey) => {
    stop();
    setError(key);
    setPhase('error');
    props.onError?.(key);
  };

  const start = async () => {
    stop();
    const mine = attempt;
    const live = () => mine === attempt;
    setError(undefined);
    setPhase('starting');
    const blocker = cameraBlocker({ isSecureContext: window.isSecureContext, mediaDevices: navigator.mediaDevices });
    if (blocker) return fail(blocker);
    let s: MediaStream;
    try {
      s = await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
    } catch (e) {
      if (live()) fail(cameraErrorKey(e));
      return;
    }
    if (!live()) {
      for (const track of s.getTracks()) track.stop(); // cancelled while the permission prompt was up
      return;
    }
    stream = s;
    s.getVideoTracks()[0]?.addEventListener('ended', () => live() && fail('qr.error.camera'));
    video.srcObject = s;
    video.play().catch(() => undefined); // muted + playsinline autoplays; frames flow either way
    let decoder: Awaited<ReturnType<typeof makeDecoder>>;
    try {
      decoder = await makeDecoder();
    } catch {
      if (live()) fail('qr.error.camera');
      return;
    }
    if (!live()) return;
    setPhase('scanning');
    const tick = async () => {
      let text: string | undefined;
      try {
        text = await decoder.decode(video);
      } catch {
        text = undefined; // a frame that cannot be read (not ready, resized): try the next one
      }
      if (!live()) return;
      if (text) {
        stop();
        setPhase('done');
        props.onResult(text);
        return;
      }
      timer = setTimeout(() => void tick(), decoder.interval);
    };
    void tick();
  };

  const cancel = () => {
    stop();
    setPhase('done');
    props.onCancel?.();
  };

  onMount(() => void start());
  onCleanup(stop);

  return (
    <section class="qr-scanner" aria-label={t('qr.scanner.label')} data-testid="qr-scanner" data-phase={phase()}>
      <div class="qr-scanner__view" classList={{ 'is-hidden': phase() === 'error' }}>
        <video ref={video} class="qr-scanner__video" autoplay muted playsinline aria-hidden="true" />
        <div class="qr-scanner__finder" aria-hidden="true" />
      </div>
      <Show
        when={error()}
        fallback={
          <p class="qr-scanner__message" role="status">
            {phase() === 'starting' ? t('qr.scanner.starting') : t('qr.scanner.hint')}
          </p>
        }
      >
        {(key) => (
          <p class="qr-scanner__message qr-scanner__message--error" role="alert" data-error={key()}>
            {t(key())}
          </p>
        )}
      </Show>
      <div class="qr-scanner__actions">
        <Show when={error() && error() !== 'qr.error.insecure' && error() !== 'qr.error.unsupported'}>
          <button type="button" class="qr-button qr-button--primary" onClick={() => void start()}>
            {t('qr.retry')}
          </button>
        </Show>
        <button type="button" class="qr-button" onClick={cancel}>
          {t('qr.cancel')}
        </button>
      </div>
    </section>
  );
}
