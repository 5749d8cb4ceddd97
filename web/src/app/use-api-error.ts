import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api/client';

/**
 * Shows a failed call the way users expect: field errors on their fields, the server's
 * translated message in a toast. Returns the handler for `onError` of mutations.
 */
export function useApiErrorHandler(form?: FormInstance) {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        const fields = error.formFields();
        if (form && fields.length) form.setFields(fields);
        void message.error(error.message);
        return;
      }
      void message.error(error instanceof Error ? error.message : String(error));
    },
    [form, message],
  );
}
