// Shows a text as a QR code for another device's camera (pairing codes, WebRTC offers/answers).
// The encoder (`qrcode`) is imported on first use so it stays out of the first-load bundle. The
// code is one SVG path on a white square with the quiet zone: crisp at any size, and dark on
// light even in the dark theme, because many decoders do not read inverted codes.

import { createResource, Show } from 'solid-js';
import { useServices } from '../services';
import { makeQrMatrix, qrPath, qrPixelSize, qrTotalModules, type QrEncoder, type QrMatrix } from './qr-matrix';
import './qr.css';

let encoder: Promise<QrEncoder> | undefined;
const loadEncoder = (): Promise<QrEncoder> => (encoder ??= import('qrcode').then((m) => (m.default ?? m) as QrEncoder));

export type QrCodeProps = {
  readonly value: string;
  /** The accessible name ("Pairing code for Counter tablet"); the picture itself says nothing. */
  readonly label: string;
  /** Wanted side in CSS pixels (default 320); rounded down to whole pixels per module. */
  readonly size?: number;
};

type Encoded = { matrix: QrMatrix; path: string } | { error: 'qr.code.tooLong' | 'qr.code.failed' };

export function QrCode(props: QrCodeProps) {
  const { i18n } = useServices();
  const [encoded] = createResource(
    () => props.value,
    async (value): Promise<Encoded> => {
      let enc: QrEncoder;
      try {
        enc = await loadEncoder();
      } catch {
        encoder = undefined; // a failed chunk load may work next time
        return { error: 'qr.code.failed' };
      }
      try {
        const matrix = makeQrMatrix(enc, value);
        return { matrix, path: qrPath(matrix) };
      } catch {
        return { error: 'qr.code.tooLong' }; // the only way create() fails on a string: it does not fit
      }
    },
  );
  const ok = () => {
    const e = encoded();
    return e && 'matrix' in e ? e : undefined;
  };
  const side = () => {
    const e = ok();
    return e ? qrPixelSize(e.matrix, props.size ?? 320) : (props.size ?? 320);
  };

  return (
    <div class="qr-code" style={{ '--qr-size': `${side()}px` }} data-testid="qr-code">
      <Show
        when={ok()}
        fallback={
          <div class="qr-code__placeholder" role="status">
            {(() => {
              const e = encoded();
              return i18n.t(e && 'error' in e ? e.error : 'qr.code.loading');
            })()}
          </div>
        }
      >
        {(e) => (
          <svg
            class="qr-code__svg"
            role="img"
            aria-label={props.label}
            width={side()}
            height={side()}
            viewBox={`0 0 ${qrTotalModules(e().matrix)} ${qrTotalModules(e().matrix)}`}
            shape-rendering="crispEdges"
            data-version={e().matrix.version}
          >
            <rect width="100%" height="100%" fill="#fff" />
            <path d={e().path} fill="#000" />
          </svg>
        )}
      </Show>
    </div>
  );
}
