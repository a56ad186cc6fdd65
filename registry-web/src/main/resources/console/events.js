// The event stream, GET /api/events (Server-Sent Events), read with fetch rather than EventSource:
// EventSource cannot send the Authorization header, and reading needs the token from anywhere but
// loopback. Like EventSource it reconnects by itself and resumes with Last-Event-ID, so a dropped
// connection loses no event.

const DEFAULT_RETRY_MS = 2000;

function sleep(ms) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

export class EventStream {
  /**
   * @param {string} url the stream
   * @param {{onEvent: function({type: string, data: string, lastEventId: string}),
   *          onState: function(string, number=), headers: function(): Object}} handlers onState gets
   *     "connecting", "live" or "offline" (with the HTTP status when there was an answer)
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.lastEventId = null;
    this.retryMs = DEFAULT_RETRY_MS;
  }

  start() {
    this.run();
  }

  async run() {
    for (;;) {
      this.handlers.onState('connecting');
      let status = 0;
      try {
        const headers = { Accept: 'text/event-stream', ...this.handlers.headers() };
        if (this.lastEventId !== null) {
          headers['Last-Event-ID'] = this.lastEventId;
        }
        const response = await fetch(this.url, { headers, cache: 'no-store', credentials: 'omit' });
        status = response.status;
        if (response.ok && response.body) {
          this.handlers.onState('live');
          await this.read(response.body);
        }
      } catch {
        // the connection broke: try again below
      }
      this.handlers.onState('offline', status);
      await sleep(this.retryMs);
    }
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: '', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          this.dispatch(event);
          event = { type: '', data: [] };
        } else if (!line.startsWith(':')) {
          this.field(event, line);
        }
      }
    }
  }

  field(event, line) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') {
      event.type = value;
    } else if (name === 'data') {
      event.data.push(value);
    } else if (name === 'id' && !value.includes('\0')) {
      this.lastEventId = value;
    } else if (name === 'retry' && /^\d+$/.test(value)) {
      this.retryMs = Number(value);
    }
  }

  dispatch(event) {
    if (event.data.length === 0) {
      return;
    }
    this.handlers.onEvent({
      type: event.type || 'message',
      data: event.data.join('\n'),
      lastEventId: this.lastEventId ?? '',
    });
  }
}
