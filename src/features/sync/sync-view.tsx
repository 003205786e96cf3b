// The Sync tab: this device's name, the paired devices (connected now, last seen), and the three
// ways to pair — show a code, type or scan a code, or connect without a server by passing an offer
// and an answer between the devices (QR or copy-paste). Problems the engine reports show on top.

import { createSignal, For, Match, onCleanup, Show, Switch, type JSX } from 'solid-js';
import { PairingCodeError, type DeviceInfo } from '../../sync/pairing';
import type { SyncEngine, SyncState } from '../../sync/sync-engine';
import { QrCode } from '../../ui/qr/qr-code';
import { QrScanner } from '../../ui/qr/qr-scanner';
import { useServices } from '../../ui/services';

export type SyncMode = 'home' | 'show-code' | 'join' | 'offer' | 'answer';

type Props = { engine: SyncEngine; state: () => SyncState; mode: () => SyncMode; setMode: (m: SyncMode) => void };

const errorKey = (e: unknown): string => {
  if (e instanceof PairingCodeError) return `sync.code.${e.reason}`;
  const m = e instanceof Error ? e.message : '';
  if (m === 'typo' || m === 'length' || m === 'timeout' || m === 'no-relay') return `sync.err.${m}`;
  return 'sync.err.generic';
};

export function SyncView(props: Props): JSX.Element {
  const { i18n } = useServices();
  return (
    <div class="sy-view">
      <h1 class="sy-title">{i18n.t('sync.title')}</h1>
      <Show when={props.state().problem}>
        {(p) => (
          <div class="sy-problem" role="alert">
            <span>{i18n.t(`sync.problem.${p()}`)}</span>
            <button type="button" class="wb-button" onClick={() => props.engine.dismissProblem()}>
              {i18n.t('sync.dismiss')}
            </button>
          </div>
        )}
      </Show>
      <Switch>
        <Match when={props.mode() === 'show-code'}>
          <ShowCode {...props} />
        </Match>
        <Match when={props.mode() === 'join'}>
          <JoinWithCode {...props} />
        </Match>
        <Match when={props.mode() === 'offer'}>
          <DirectOffer {...props} />
        </Match>
        <Match when={props.mode() === 'answer'}>
          <DirectAnswer {...props} />
        </Match>
        <Match when={true}>
          <Home {...props} />
        </Match>
      </Switch>
    </div>
  );
}

function Home(props: Props): JSX.Element {
  const { i18n } = useServices();
  const [name, setName] = createSignal(props.state().local.name);
  const [relays, setRelays] = createSignal(props.state().settings.relays.join('\n'));
  const [ice, setIce] = createSignal(props.state().settings.iceServers.map((s) => [s.urls].flat().join(' ')).join('\n'));
  const lines = (s: string) => s.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const saveServers = () =>
    void props.engine.setSettings({ relays: lines(relays()), iceServers: lines(ice()).map((urls) => ({ urls })) });
  return (
    <>
      <p class="sy-note">{i18n.t('sync.intro')}</p>
      <section class="sy-section" aria-labelledby="sy-devices">
        <h2 id="sy-devices">{i18n.t('sync.devices')}</h2>
        <Show when={props.state().devices.length} fallback={<p class="sy-note">{i18n.t('sync.noDevices')}</p>}>
          <ul class="sy-devices" aria-label={i18n.t('sync.devices')}>
            <For each={props.state().devices}>
              {(d) => (
                <li class="sy-device" classList={{ 'is-connected': d.connected }}>
                  <span class="sy-dot" aria-hidden="true" />
                  <span class="sy-device-name">{d.name}</span>
                  <span class="sy-device-seen">
                    {d.connected ? i18n.t('sync.connectedNow') : d.lastSeen ? i18n.t('sync.lastSeen', { when: i18n.i18n.formatDateTime(d.lastSeen) }) : i18n.t('sync.neverSeen')}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section class="sy-section" aria-labelledby="sy-pair">
        <h2 id="sy-pair">{i18n.t('sync.pair.title')}</h2>
        <div class="sy-actions">
          <button type="button" class="wb-button is-primary" onClick={() => props.setMode('show-code')}>
            {i18n.t('sync.pair.show')}
          </button>
          <button type="button" class="wb-button" onClick={() => props.setMode('join')}>
            {i18n.t('sync.join.title')}
          </button>
        </div>
        <h3>{i18n.t('sync.direct.title')}</h3>
        <p class="sy-note">{i18n.t('sync.direct.intro')}</p>
        <div class="sy-actions">
          <button type="button" class="wb-button" onClick={() => props.setMode('offer')}>
            {i18n.t('sync.direct.start')}
          </button>
          <button type="button" class="wb-button" onClick={() => props.setMode('answer')}>
            {i18n.t('sync.direct.respond')}
          </button>
        </div>
      </section>
      <section class="sy-section" aria-labelledby="sy-this">
        <h2 id="sy-this">{i18n.t('sync.thisDevice')}</h2>
        <form
          class="sy-row"
          onSubmit={(e) => {
            e.preventDefault();
            void props.engine.setDeviceName(name());
          }}
        >
          <label class="sy-field">
            <span>{i18n.t('sync.deviceName')}</span>
            <input class="sy-input" value={name()} maxLength={60} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit" class="wb-button">
            {i18n.t('sync.saveName')}
          </button>
        </form>
        <Show when={props.state().paired}>
          <RotateButton engine={props.engine} />
          <button
            type="button"
            class="wb-button sy-danger"
            onClick={() => {
              if (confirm(i18n.t('sync.unpair.confirm'))) void props.engine.unpair();
            }}
          >
            {i18n.t('sync.unpair')}
          </button>
        </Show>
      </section>
      <details class="sy-section sy-advanced">
        <summary>{i18n.t('sync.advanced')}</summary>
        <p class="sy-note">{i18n.t('sync.relaysNote')}</p>
        <ul class="sy-relays">
          <For each={props.state().relays}>
            {(r) => (
              <li>
                <code>{r.url}</code> — {i18n.t(`sync.relay.${r.state}`)}
              </li>
            )}
          </For>
        </ul>
        <label class="sy-field">
          <span>{i18n.t('sync.relays')}</span>
          <textarea class="sy-input" rows={3} value={relays()} onInput={(e) => setRelays(e.currentTarget.value)} />
        </label>
        <label class="sy-field">
          <span>{i18n.t('sync.ice')}</span>
          <textarea class="sy-input" rows={2} value={ice()} onInput={(e) => setIce(e.currentTarget.value)} />
        </label>
        <button type="button" class="wb-button" onClick={saveServers}>
          {i18n.t('sync.saveSettings')}
        </button>
      </details>
    </>
  );
}

function RotateButton(props: { engine: SyncEngine }): JSX.Element {
  const { i18n } = useServices();
  const [done, setDone] = createSignal(false);
  return (
    <div class="sy-row">
      <button
        type="button"
        class="wb-button"
        onClick={() => {
          if (confirm(i18n.t('sync.rotate.confirm'))) void props.engine.rotateSecret().then(() => setDone(true));
        }}
      >
        {i18n.t('sync.rotate')}
      </button>
      <Show when={done()}>
        <span class="sy-success" role="status">
          {i18n.t('sync.rotate.done')}
        </span>
      </Show>
    </div>
  );
}

function BackButton(props: { onBack: () => void; label?: string }): JSX.Element {
  const { i18n } = useServices();
  return (
    <button type="button" class="wb-button" onClick={() => props.onBack()}>
      {props.label ?? i18n.t('sync.back')}
    </button>
  );
}

function ShowCode(props: Props): JSX.Element {
  const { i18n } = useServices();
  const [code, setCode] = createSignal<string>();
  const [paired, setPaired] = createSignal<DeviceInfo>();
  const [error, setError] = createSignal<string>();
  let cancel: (() => void) | undefined;
  props.engine.showPairingCode((remote) => setPaired(remote)).then(
    (r) => {
      cancel = r.cancel;
      setCode(r.code);
    },
    (e) => setError(errorKey(e)),
  );
  onCleanup(() => cancel?.());
  return (
    <section class="sy-section" aria-labelledby="sy-show">
      <h2 id="sy-show">{i18n.t('sync.pair.show')}</h2>
      <Show when={error()}>{(k) => <p class="sy-error" role="alert">{i18n.t(k())}</p>}</Show>
      <Show when={paired()}>{(d) => <p class="sy-success" role="status">{i18n.t('sync.pair.done', { name: d().name })}</p>}</Show>
      <Show when={!paired() && code()}>
        {(c) => (
          <>
            <p class="sy-note">{i18n.t('sync.pair.showHint')}</p>
            <div class="sy-code-block">
              <QrCode value={c()} label={i18n.t('sync.pair.qrLabel')} size={220} />
              <p class="sy-shortcode" aria-label={i18n.t('sync.pair.codeLabel')} data-testid="pairing-code">
                {c()}
              </p>
            </div>
            <p class="sy-note" role="status">
              {i18n.t('sync.pair.waiting')}
            </p>
          </>
        )}
      </Show>
      <BackButton onBack={() => props.setMode('home')} label={paired() ? undefined : i18n.t('sync.cancel')} />
    </section>
  );
}

function JoinWithCode(props: Props): JSX.Element {
  const { i18n } = useServices();
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [scanning, setScanning] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [paired, setPaired] = createSignal<DeviceInfo>();
  const join = async (value: string) => {
    setError(undefined);
    setBusy(true);
    try {
      setPaired(await props.engine.joinWithCode(value));
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="sy-section" aria-labelledby="sy-join">
      <h2 id="sy-join">{i18n.t('sync.join.title')}</h2>
      <Show
        when={!paired()}
        fallback={<p class="sy-success" role="status">{i18n.t('sync.pair.done', { name: paired()!.name })}</p>}
      >
        <form
          class="sy-row"
          onSubmit={(e) => {
            e.preventDefault();
            void join(text());
          }}
        >
          <label class="sy-field">
            <span>{i18n.t('sync.join.input')}</span>
            <input
              class="sy-input sy-code-input"
              value={text()}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              placeholder="K7QF2-M9XAB"
              aria-invalid={error() ? 'true' : undefined}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="wb-button is-primary" disabled={busy() || !text().trim()}>
            {busy() ? i18n.t('sync.join.joining') : i18n.t('sync.join.submit')}
          </button>
          <button type="button" class="wb-button" onClick={() => setScanning(true)}>
            {i18n.t('sync.join.scan')}
          </button>
        </form>
        <Show when={scanning()}>
          <QrScanner
            onResult={(value) => {
              setScanning(false);
              setText(value);
              void join(value);
            }}
            onError={(key) => {
              setScanning(false);
              setError(key);
            }}
            onCancel={() => setScanning(false)}
          />
        </Show>
        <Show when={error()}>{(k) => <p class="sy-error" role="alert">{i18n.t(k())}</p>}</Show>
      </Show>
      <BackButton onBack={() => props.setMode('home')} />
    </section>
  );
}

/** A code to show: as a QR and as text with a Copy button (for copy-paste between devices). */
function CodeOut(props: { code: string; label: string }): JSX.Element {
  const { i18n } = useServices();
  const [copied, setCopied] = createSignal(false);
  return (
    <div class="sy-code-block is-large">
      {/* ~1 KB of code: at 3+ px per module a tablet camera reads it from the other screen. */}
      <QrCode value={props.code} label={props.label} size={480} />
      <label class="sy-field">
        <span>{props.label}</span>
        <textarea class="sy-input sy-code-text" readOnly rows={4} value={props.code} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        class="wb-button"
        onClick={() =>
          void navigator.clipboard.writeText(props.code).then(
            () => setCopied(true),
            () => undefined,
          )
        }
      >
        {copied() ? i18n.t('sync.code.copied') : i18n.t('sync.code.copy')}
      </button>
    </div>
  );
}

/** A code to enter: paste into a text box or scan its QR. */
function CodeIn(props: { label: string; submit: string; busy: boolean; onSubmit: (text: string) => void }): JSX.Element {
  const { i18n } = useServices();
  const [text, setText] = createSignal('');
  const [scanning, setScanning] = createSignal(false);
  return (
    <>
      <form
        class="sy-code-in"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(text());
        }}
      >
        <label class="sy-field">
          <span>{props.label}</span>
          <textarea class="sy-input sy-code-text" rows={4} spellcheck={false} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <div class="sy-actions">
          <button type="submit" class="wb-button is-primary" disabled={props.busy || !text().trim()}>
            {props.submit}
          </button>
          <button type="button" class="wb-button" onClick={() => setScanning(true)}>
            {i18n.t('sync.join.scan')}
          </button>
        </div>
      </form>
      <Show when={scanning()}>
        <QrScanner
          onResult={(value) => {
            setScanning(false);
            setText(value);
            props.onSubmit(value);
          }}
          onError={() => setScanning(false)}
          onCancel={() => setScanning(false)}
        />
      </Show>
    </>
  );
}

function DirectOffer(props: Props): JSX.Element {
  const { i18n } = useServices();
  const [offer, setOffer] = createSignal<{ code: string; acceptAnswer(text: string): Promise<DeviceInfo>; cancel(): void }>();
  const [connected, setConnected] = createSignal<DeviceInfo>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let cancelled = false;
  props.engine.createOffer().then(
    (o) => (cancelled ? o.cancel() : setOffer(o)),
    (e) => setError(errorKey(e)),
  );
  onCleanup(() => {
    cancelled = true;
    if (!connected()) offer()?.cancel();
  });
  const accept = async (text: string) => {
    const o = offer();
    if (!o) return;
    setBusy(true);
    setError(undefined);
    try {
      setConnected(await o.acceptAnswer(text));
    } catch (e) {
      setError(e instanceof Error && e.message === 'timeout' ? 'sync.code.timeout' : errorKey(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="sy-section" aria-labelledby="sy-offer">
      <h2 id="sy-offer">{i18n.t('sync.direct.title')}</h2>
      <Show
        when={!connected()}
        fallback={
          <>
            <p class="sy-success" role="status">{i18n.t('sync.direct.connected', { name: connected()!.name })}</p>
            <p class="sy-note">{i18n.t('sync.direct.again')}</p>
          </>
        }
      >
        <Show when={offer()}>
          {(o) => (
            <>
              <p class="sy-note">{i18n.t('sync.direct.step1')}</p>
              <CodeOut code={o().code} label={i18n.t('sync.direct.offerLabel')} />
              <p class="sy-note">{i18n.t('sync.direct.step2')}</p>
              <CodeIn label={i18n.t('sync.direct.pasteAnswer')} submit={i18n.t('sync.direct.connect')} busy={busy()} onSubmit={(t) => void accept(t)} />
            </>
          )}
        </Show>
      </Show>
      <Show when={error()}>{(k) => <p class="sy-error" role="alert">{i18n.t(k())}</p>}</Show>
      <BackButton onBack={() => props.setMode('home')} />
    </section>
  );
}

function DirectAnswer(props: Props): JSX.Element {
  const { i18n } = useServices();
  const [answer, setAnswer] = createSignal<string>();
  const [connected, setConnected] = createSignal<DeviceInfo>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let cancel: (() => void) | undefined;
  onCleanup(() => {
    if (!connected()) cancel?.();
  });
  const respond = async (text: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await props.engine.answerOffer(text);
      cancel = r.cancel;
      setAnswer(r.code);
      r.connected.then(setConnected, () => setError('sync.code.timeout'));
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="sy-section" aria-labelledby="sy-answer">
      <h2 id="sy-answer">{i18n.t('sync.direct.respond')}</h2>
      <Switch>
        <Match when={connected()}>
          {(d) => (
            <>
              <p class="sy-success" role="status">{i18n.t('sync.direct.connected', { name: d().name })}</p>
              <p class="sy-note">{i18n.t('sync.direct.again')}</p>
            </>
          )}
        </Match>
        <Match when={answer()}>
          {(code) => (
            <>
              <p class="sy-note" role="status">{i18n.t('sync.direct.showAnswer')}</p>
              <CodeOut code={code()} label={i18n.t('sync.direct.answerLabel')} />
            </>
          )}
        </Match>
        <Match when={true}>
          <CodeIn label={i18n.t('sync.direct.pasteOffer')} submit={i18n.t('sync.direct.makeAnswer')} busy={busy()} onSubmit={(t) => void respond(t)} />
        </Match>
      </Switch>
      <Show when={error()}>{(k) => <p class="sy-error" role="alert">{i18n.t(k())}</p>}</Show>
      <BackButton onBack={() => props.setMode('home')} />
    </section>
  );
}
