import { App } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../i18n/context';
import { ApiError } from './client';

/** Shows a failed call to the user: the problem's detail for API errors, a plain notice otherwise. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        void message.error(
          t('error.problem', { status: error.problem.status, detail: error.problem.detail }),
        );
      } else {
        void message.error(t('error.unexpected'));
      }
    },
    [message, t],
  );
}
