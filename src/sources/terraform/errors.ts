/** A Terraform error (a missing attribute, a wrong type): `try` and `can` catch it; elsewhere the value becomes unknown. */
export class EvalError extends Error {}
