import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/problems';

export type Errors<T> = Partial<Record<keyof T & string, string>>;

/**
 * Form state shared by every screen: values, checks before sending, and the server's answer
 * (its field errors land next to the fields, the rest in a notice).
 */
export function useForm<T extends Record<string, string>>(
  initial: T,
  validate: (values: T) => Errors<T>,
  submit: (values: T) => Promise<void>,
) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors<T>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors[name],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      // take the writer to the first field to fix
      const form = event.currentTarget;
      const first = Object.keys(found)[0];
      (form.elements.namedItem(first) as HTMLElement | null)?.focus();
      return;
    }
    setPending(true);
    try {
      await submit(values);
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fieldErrors as Errors<T>);
      }
      setFailure(e);
    } finally {
      setPending(false);
    }
  };

  return { values, setValues, errors, failure, pending, bind, onSubmit };
}
