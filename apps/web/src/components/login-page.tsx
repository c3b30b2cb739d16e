import { FormEvent, useState } from 'react';
import { api, Session } from '../api';
import { useI18n } from '../i18n';
import { Field, ProblemBanner, useCommand } from './form';

export function LoginPage({ onSignedIn, expired }: { onSignedIn: (session: Session) => void; expired: boolean }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { pending, problem, errorAt, run } = useCommand();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await run(() => api.login(username, password));
    if (session) onSignedIn(session);
  };

  return (
    <section className="login">
      <h1>{t('login.title')}</h1>
      {expired && !problem ? <div className="banner banner-warn">{t('login.expired')}</div> : null}
      <ProblemBanner problem={problem} shown={(field) => field === 'username' || field === 'password'} />
      <form onSubmit={submit} noValidate>
        <Field label={t('login.username')} error={errorAt('username')}>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field label={t('login.password')} error={errorAt('password')}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="primary" disabled={pending}>
          {t('login.submit')}
        </button>
      </form>
    </section>
  );
}
