import { SetMetadata } from '@nestjs/common';

export const CREDENTIAL_ROUTE = 'luodi:credential-route';

/**
 * A route whose body holds a password or whose answer holds a token. The idempotency interceptor
 * stores nothing of it (an Idempotency-Key is ignored): a stored hash of a body with a password can
 * be cracked offline, a stored token used. Retrying these is harmless: a second create is 409
 * USERNAME_TAKEN, a second password change fails on the now-wrong current password.
 */
export const CredentialRoute = () => SetMetadata(CREDENTIAL_ROUTE, true);
