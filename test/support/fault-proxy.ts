/**
 * Network faults between the AWS SDK clients and a local stand-in, for the delivery tests: a loopback proxy in
 * front of the local S3 or SES that forwards everything until a test arms a fault (a 503, a reset before or
 * after the stand-in accepted the request, the service down, a request never answered). Each fault can be
 * narrowed to some requests and counts the requests it took.
 */
import { type ProxiedRequest, type ProxyAction, startLoopbackProxy } from '../../local/loopback-proxy.ts';
import { serviceError } from './service-errors.ts';

/** Which requests a fault takes: every one unless narrowed. */
export interface RequestMatch {
  /** `GET`, `PUT`, `POST`... */
  method?: string;
  /** A substring of the path as sent (query included, keys URL-encoded): `/v2/email/outbound-emails`, `/runs/`. */
  path?: string;
  where?: (request: ProxiedRequest) => boolean;
}

/** SES v2 `SendEmail`: the request a mail fault is armed on. */
export const SEND_EMAIL: RequestMatch = { path: '/v2/email/outbound-emails' };
/** Writes of run claims (`runs/...`): the requests a claim fault is armed on. */
export const CLAIM_WRITES: RequestMatch = { method: 'PUT', path: '/runs/' };

export interface FaultOptions {
  match?: RequestMatch;
  /** How many requests the fault takes, then it disarms itself: 1 unless given (`down`: until disarmed). */
  times?: number;
  /** How many matching requests go through before the fault starts taking them ("down after N more"). */
  after?: number;
}

export interface ArmedFault {
  /** How many requests the fault took. */
  readonly fired: number;
  /** Resolves when the fault takes its first request (to abandon a run that hangs, say). */
  readonly firstFired: Promise<void>;
  disarm(): void;
}

/** A request the proxy received, and the fault that took it (null when it was forwarded). */
export interface SeenRequest {
  method: string;
  path: string;
  fault: string | null;
}

export interface FaultProxy {
  /** The endpoint to give the SDK clients instead of the stand-in's. */
  url: string;
  /** Every request received, in order. */
  readonly requests: readonly SeenRequest[];
  /** How many requests received matched. */
  count(match?: RequestMatch): number;
  /** One 503 (S3 `SlowDown`, SES `ServiceUnavailable`), the request not forwarded. */
  unavailableOnce(match?: RequestMatch): ArmedFault;
  /** An error answer of the service, the request not forwarded: `answer(429, { code: 'TooManyRequestsException' })`. */
  answer(status: number, options?: FaultOptions & { code?: string; message?: string }): ArmedFault;
  /** The connection dropped before the stand-in saw the request. */
  resetBeforeUpstream(options?: FaultOptions): ArmedFault;
  /** Forwarded; once the stand-in accepted it (2xx) the client's connection is dropped instead of answered. */
  resetAfterAccepted(options?: FaultOptions): ArmedFault;
  /** Forwarded; once the stand-in accepted it the client gets a 500 (S3 `InternalError`, SES `InternalFailure`). */
  failAfterAccepted(options?: FaultOptions): ArmedFault;
  /** Every matching request refused with a TCP reset, until disarmed (or `times` of them). */
  down(options?: FaultOptions): ArmedFault;
  /** Never answered until the proxy closes; `afterUpstream`: forwarded first, and the stand-in's answer held. */
  hang(options?: FaultOptions & { afterUpstream?: boolean }): ArmedFault;
  /** Disarms every fault. */
  clear(): void;
  close(): Promise<void>;
}

interface Fault {
  name: string;
  action: ProxyAction;
  match: RequestMatch;
  times: number;
  after: number;
  fired: number;
  passed: number;
  armed: boolean;
  onFired: () => void;
}

/** A fault proxy on 127.0.0.1 in front of `upstream`, the local `service`'s stand-in (its errors are its own). */
export async function startFaultProxy(service: 's3' | 'ses', upstream: string): Promise<FaultProxy> {
  const faults: Fault[] = [];
  const requests: SeenRequest[] = [];
  const decide = (request: ProxiedRequest): ProxyAction => {
    const fault = faults.find((candidate) => {
      if (!candidate.armed || !matches(candidate.match, request)) return false;
      if (candidate.passed >= candidate.after) return true;
      // A fault that starts later lets this request through; another fault may still take it.
      candidate.passed++;
      return false;
    });
    requests.push({ method: request.method, path: request.path, fault: fault?.name ?? null });
    if (!fault) return 'forward';
    fault.fired++;
    if (fault.fired >= fault.times) fault.armed = false;
    fault.onFired();
    return fault.action;
  };
  const proxy = await startLoopbackProxy(upstream, { decide });

  const arm = (name: string, action: ProxyAction, options: FaultOptions, times = 1): ArmedFault => {
    let onFired = () => {};
    const firstFired = new Promise<void>((resolve) => (onFired = resolve));
    const fault: Fault = {
      name,
      action,
      match: options.match ?? {},
      times: options.times ?? times,
      after: options.after ?? 0,
      fired: 0,
      passed: 0,
      armed: true,
      onFired,
    };
    faults.push(fault);
    return {
      get fired() {
        return fault.fired;
      },
      firstFired,
      disarm: () => void (fault.armed = false),
    };
  };

  return {
    url: proxy.url,
    requests,
    count: (match = {}) =>
      requests.filter((seen) => matches(match, { ...seen, headers: {}, body: Buffer.alloc(0) })).length,
    unavailableOnce: (match = {}) => arm('503 once', serviceError(service, 503), { match }),
    answer: (status, options = {}) => arm(`${status}`, serviceError(service, status, options), options),
    resetBeforeUpstream: (options = {}) => arm('reset before upstream', 'reset', options),
    resetAfterAccepted: (options = {}) => arm('reset after accepted', { forwardThen: 'reset' }, options),
    failAfterAccepted: (options = {}) =>
      arm('500 after accepted', { forwardThen: serviceError(service, 500) }, options),
    down: (options = {}) => arm('down', 'refuse', options, Number.POSITIVE_INFINITY),
    hang: ({ afterUpstream = false, ...options } = {}) =>
      arm(
        afterUpstream ? 'hang after upstream' : 'hang',
        afterUpstream ? { forwardThen: 'hang' } : 'hang',
        options,
      ),
    clear: () => faults.forEach((fault) => (fault.armed = false)),
    close: () => proxy.close(),
  };
}

function matches(match: RequestMatch, request: ProxiedRequest): boolean {
  return (
    (match.method === undefined || match.method.toUpperCase() === request.method) &&
    (match.path === undefined || request.path.includes(match.path)) &&
    (match.where === undefined || match.where(request))
  );
}
