/** Who may do what (README, "Roles"): one role per token; departments narrow police, prosecutors and regional users. */
export const ROLES = ['operator', 'police', 'prosecutor', 'judiciary', 'protection', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The authenticated caller, set on the request by the authentication guard from a verified bearer token.
 * `departments` empty means national scope; otherwise the two-digit UBIGEO departments the caller may see and change.
 */
export interface Actor {
  subject: string;
  role: Role;
  departments: readonly string[];
  /** When the token expires (its `exp`, ISO 8601); absent for actors that did not come from a token. */
  expiresAt?: string;
}

/** Where the guard leaves the actor on the (Express) request. */
export interface RequestWithActor {
  actor?: Actor;
}
