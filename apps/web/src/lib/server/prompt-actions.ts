import { CHALLENGE_LIMITS, PromptInputSchema, type PromptInput } from '@ficathon/schema';
import { issuesToFieldErrors, type FormErrors } from '$lib/forms';
import {
  PROMPT_FIELDS,
  isKindChangeOnly,
  promptInput,
  readPromptForm,
  type PromptField,
  type PromptFormValues,
} from '$lib/prompt-form';

/** Limits for the prompt form's hints and maxlengths, as page data (no zod in the browser). */
export const PROMPT_FORM_LIMITS = {
  titleMax: CHALLENGE_LIMITS.promptTitleMax,
  bodyMax: CHALLENGE_LIMITS.promptBodyMax,
};

/**
 * A submitted prompt form (add or edit): the values as typed, and either the validated request
 * body or why there is none: the visitor only switched the kind (no JavaScript), or field errors.
 */
export function readPromptSubmission(data: FormData): {
  values: PromptFormValues;
  input: PromptInput | null;
  errors: FormErrors<PromptField>;
} {
  const values = readPromptForm(data);
  if (isKindChangeOnly(data)) return { values, input: null, errors: {} };
  const parsed = PromptInputSchema.safeParse(promptInput(values));
  return parsed.success
    ? { values, input: parsed.data, errors: {} }
    : { values, input: null, errors: issuesToFieldErrors(parsed.error.issues, PROMPT_FIELDS) };
}
