import { useState, type ChangeEvent } from 'react';
import type { FormState, TextKey } from './forms.ts';
import { slugify } from './kit/format.ts';

type Change = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

/** Props for a name input and a URL slug input that follows the name until edited by hand. */
export function useSlugFields<V extends Record<string, unknown>>(form: FormState<V>, nameKey: TextKey<V>, slugKey: TextKey<V>) {
  const [slugEdited, setSlugEdited] = useState(false);
  const setText = (key: TextKey<V>, value: string) => form.set(key, value as V[TextKey<V>]);
  return {
    name: {
      ...form.input(nameKey),
      onChange: (e: Change) => {
        const value = e.currentTarget.value;
        setText(nameKey, value);
        if (!slugEdited) setText(slugKey, slugify(value));
      },
    },
    slug: {
      ...form.input(slugKey),
      onChange: (e: Change) => {
        setSlugEdited(true);
        setText(slugKey, e.currentTarget.value.toLowerCase());
      },
    },
    /** Follow the name again, for a form that starts over. */
    reset: () => setSlugEdited(false),
  };
}
