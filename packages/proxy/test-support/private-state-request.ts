/**
 * A Request as an undici that keeps a Request's state in private fields (`#state`) would make it: copying a Request
 * reads that field, so it takes only the Requests it made itself and refuses the proxy's lazy stand-in with a
 * TypeError, as `new Request(standIn)` would on such a platform. Otherwise the platform's own Request, which it extends.
 */
export class PrivateStateRequest extends Request {
  readonly #state = 'own';
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    if (input instanceof Request && !PrivateStateRequest.made(input))
      throw new TypeError("Failed to construct 'Request': the input is not a Request of this platform");
    super(input, init);
  }
  static made(request: Request): boolean {
    return #state in request;
  }
}
