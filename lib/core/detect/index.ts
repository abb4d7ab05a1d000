// Detectors of secrets and personal data in text, shared by the prompt linter, the `pii` scorer and guard policies.
export { maskFindings, type Finding, type FindingKind } from "./finding";
export { passesLuhn } from "./luhn";
export { findCardsAndPhones, findEmails, findPersonalData } from "./personal-data";
export { findSecrets } from "./secrets";
