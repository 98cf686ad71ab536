/**
 * The request schemas of the sign-in and setup forms, loaded when a form is first used (`SchemaSource` in
 * app/forms.ts): the pages are part of the first load, zod and these schemas are not.
 */
export { LoginRequest, SetupRequest } from '@tandem/contracts';
